package com.supportdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real command line ({@code com.supportdesk.app.Launcher}) in its own JVM, as an admin runs it on a server: its
 * output read line by line as it comes, its standard input writable, its command line readable as {@code ps} shows
 * it. Logs go to the data folder with the application's own logging configuration (INFO and up).
 */
public final class ChildCli implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final Writer stdin;

    private ChildCli(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "child-cli-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildCli start(Map<String, String> env, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logback = Path.of("target", "classes", "logback.xml").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"), "com.supportdesk.app.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new ChildCli(pb.start());
    }

    /** Waits for a line matching {@code wanted} (standard output and error together). */
    public String awaitLine(Predicate<String> wanted, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        synchronized (lines) {
            while (true) {
                Optional<String> hit = lines.stream().filter(wanted).findFirst();
                if (hit.isPresent()) {
                    return hit.get();
                }
                long left = until - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new AssertionError("no such line within " + max + "; output so far:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
            }
        }
    }

    /** Types a line on its standard input. */
    public void type(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Its command line as the system shows it to every user ({@code /proc/PID/cmdline}, else the process info). */
    public String commandLine() throws IOException {
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        if (Files.isReadable(proc)) {
            return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
        }
        return process.info().commandLine().orElse("");
    }

    /** Waits for it to end; returns the exit status. */
    public int awaitExit(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + max + "; output:\n" + output());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl+C: the JVM runs its shutdown hooks. */
    public void terminate() {
        process.toHandle().destroy();
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
