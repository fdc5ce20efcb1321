package com.supportdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a small program as another OS user ({@code nobody}) to see what they can do with this user's files and
 * sockets: as root through {@code setpriv}, otherwise through {@code sudo -n -u nobody} where that works without a
 * password (CI runners). The program is a single Java source file run by the JDK's source launcher, so it needs
 * nothing of this user's class path.
 */
public final class OtherUser {

    public static final int NOBODY = 65534;

    private final List<String> prefix;

    private OtherUser(List<String> prefix) {
        this.prefix = prefix;
    }

    /** How to become another user here, if this machine allows it without a password. */
    public static Optional<OtherUser> available() {
        if ("root".equals(System.getProperty("user.name")) && onPath("setpriv")) {
            return Optional.of(new OtherUser(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups")));
        }
        if (onPath("sudo") && exitsZero(List.of("sudo", "-n", "-u", "nobody", "true"))) {
            return Optional.of(new OtherUser(List.of("sudo", "-n", "-u", "nobody")));
        }
        return Optional.empty();
    }

    /** A folder everyone may read and enter (for the program's source), removed by the caller. */
    public static Path sharedFolder() throws IOException {
        Path dir = Files.createTempDirectory("sd-other-user");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /**
     * Runs {@code source} (a Java program with a {@code main}) as the other user with these arguments and returns what
     * it printed (standard output and error together) and its exit status.
     */
    public Result runJava(Path sharedFolder, String className, String source, String... args)
            throws IOException, InterruptedException {
        Path file = sharedFolder.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Duser.home=" + sharedFolder);
        cmd.add(file.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(sharedFolder.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("The other user's program did not finish: " + cmd);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    public record Result(int exit, String output) {
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean exitsZero(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
