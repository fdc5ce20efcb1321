package com.supportdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desk keeps its files on each operating system, when no {@code --data-dir} says otherwise:
 * <ul>
 *   <li>Windows: {@code %LOCALAPPDATA%\SupportDesk} — database, backups, logs and the mail key stay on this computer
 *       (a roaming profile would copy a large database to every sign-in, and the key belongs to this machine). Desks
 *       before this kept them in {@code %APPDATA%\SupportDesk} (Roaming): that folder is moved once
 *       ({@link FolderMove}).</li>
 *   <li>macOS: {@code ~/Library/Application Support/SupportDesk}, logs in {@code ~/Library/Logs/SupportDesk} (where
 *       Console.app looks); logs written before this in the data folder's {@code logs} are moved once.</li>
 *   <li>Linux and others: {@code $XDG_DATA_HOME/supportdesk} ({@code ~/.local/share/supportdesk}), logs inside.</li>
 * </ul>
 * The demo desk lives beside the real one ({@code SupportDesk-demo}), never in it.
 */
public record OsFolders(String osName, Map<String, String> env, Path home) {

    static final String NAME = "SupportDesk";
    static final String DEMO_SUFFIX = "-demo";

    public OsFolders {
        osName = osName == null ? "" : osName;
        env = Map.copyOf(env);
    }

    /** This computer's. */
    public static OsFolders current() {
        return new OsFolders(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public boolean windows() {
        return osName.toLowerCase(Locale.ROOT).contains("win");
    }

    public boolean mac() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin");
    }

    /**
     * The data folder. On Windows the local one, unless only the roaming folder of an earlier desk exists (its move
     * has not happened yet, e.g. because that desk was still open): then that one, so nothing seems lost.
     */
    public Path dataDir() {
        if (windows()) {
            Path local = windowsLocal();
            Path roaming = previousDataDir();
            return !Files.exists(local) && roaming != null && Files.isDirectory(roaming) ? roaming : local;
        }
        if (mac()) {
            return home.resolve("Library").resolve("Application Support").resolve(NAME);
        }
        return base("XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("supportdesk");
    }

    /** Where a demo lives when no --data-dir is given: beside the real desk's folder. */
    public Path demoDir() {
        Path real = dataDir();
        return real.resolveSibling(real.getFileName() + DEMO_SUFFIX);
    }

    /** Where the logs of the desk in {@code dataDir} go: {@code ~/Library/Logs/…} on macOS for the OS's own folders. */
    public Path logDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (mac()) {
            Path real = dataDir().toAbsolutePath().normalize();
            if (dir.equals(real) || dir.equals(real.resolveSibling(real.getFileName() + DEMO_SUFFIX))) {
                return home.resolve("Library").resolve("Logs").resolve(dir.getFileName());
            }
        }
        return dir.resolve("logs");
    }

    /** The folder desks before this one used on Windows ({@code %APPDATA%\SupportDesk}), else null. */
    public Path previousDataDir() {
        if (!windows()) {
            return null;
        }
        return base("APPDATA", home.resolve("AppData").resolve("Roaming")).resolve(NAME);
    }

    /** One folder to move once, from where earlier desks kept it to where this one does. */
    public record Move(Path from, Path to, String what) {
    }

    /** What is to be moved on this OS (each only if it is still in its old place; see {@link FolderMove}). */
    public List<Move> moves() {
        List<Move> out = new ArrayList<>();
        if (windows()) {
            Path roaming = previousDataDir();
            Path local = windowsLocal();
            out.add(new Move(roaming, local, "the data folder"));
            out.add(new Move(roaming.resolveSibling(roaming.getFileName() + DEMO_SUFFIX),
                    local.resolveSibling(local.getFileName() + DEMO_SUFFIX), "the demo's data folder"));
        } else if (mac()) {
            Path data = dataDir();
            Path demo = demoDir();
            out.add(new Move(data.resolve("logs"), logDir(data), "the logs"));
            out.add(new Move(demo.resolve("logs"), logDir(demo), "the demo's logs"));
        }
        return out;
    }

    private Path windowsLocal() {
        return base("LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve(NAME);
    }

    private Path base(String variable, Path otherwise) {
        String v = env.get(variable);
        return v != null && !v.isBlank() ? Path.of(v) : otherwise;
    }
}
