package com.supportdesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desk keeps its data (docs/architecture.md, "Storage"): the OS data folder unless {@code --data-dir}
 * or {@code --db-url} says otherwise.
 */
public record DataLocation(Path dataDir, String jdbcUrl) {

    public static final String DB_NAME = "supportdesk";

    /** The OS data folder: %APPDATA%\SupportDesk, ~/Library/Application Support/SupportDesk, XDG. */
    public static Path defaultDataDir(String osName, Map<String, String> env, Path home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("SupportDesk");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("SupportDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("supportdesk");
    }

    public static Path defaultDataDir() {
        return defaultDataDir(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves the options: an explicit URL wins; otherwise an embedded file in the data folder. */
    public static DataLocation resolve(Path dataDir, String dbUrl) {
        Path dir = (dataDir != null ? dataDir : defaultDataDir()).toAbsolutePath().normalize();
        String url = dbUrl != null && !dbUrl.isBlank() ? dbUrl.trim() : embeddedUrl(dir);
        return new DataLocation(dir, url);
    }

    public static String embeddedUrl(Path dir) {
        // WRITE_DELAY=0: a commit is written to the file before it returns, so it survives kill -9.
        return "jdbc:h2:file:" + dir.resolve(DB_NAME).toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** True for an embedded database file in this process (not a server URL). */
    public boolean embedded() {
        return jdbcUrl.startsWith("jdbc:h2:file:") || (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:") && !jdbcUrl.startsWith("jdbc:h2:mem:"));
    }

    /** The database file (for messages), when the database is an embedded file. */
    public Path databaseFile() {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("mem:")) {
            return null;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            rest = rest.substring(0, semi);
        }
        return Path.of(rest + ".mv.db").toAbsolutePath();
    }

    public Path backupDir() {
        return dataDir.resolve("backups");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
