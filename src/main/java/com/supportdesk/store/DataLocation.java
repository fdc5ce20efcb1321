package com.supportdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desk keeps its data (docs/architecture.md, "Storage"): the OS data folder unless {@code --data-dir}
 * or {@code --db-url} says otherwise.
 */
public record DataLocation(Path dataDir, String jdbcUrl) {

    public static final String DB_NAME = "supportdesk";

    /**
     * The OS data folder ({@link OsFolders}): %LOCALAPPDATA%\SupportDesk, ~/Library/Application Support/SupportDesk,
     * $XDG_DATA_HOME/supportdesk.
     */
    public static Path defaultDataDir(String osName, Map<String, String> env, Path home) {
        return new OsFolders(osName, env, home).dataDir();
    }

    public static Path defaultDataDir() {
        return OsFolders.current().dataDir();
    }

    /** Where a demo lives when no --data-dir is given: beside the real desk's folder, never in it. */
    public static Path defaultDemoDir() {
        return OsFolders.current().demoDir();
    }

    /** The file that marks a data folder as a demo's (written when demo data is seeded). */
    public static final String DEMO_MARKER = "DEMO";

    /** True when this is a demo's data folder: the window and the status bar then say DEMO. */
    public boolean demo() {
        return embedded() && Files.exists(dataDir.resolve(DEMO_MARKER));
    }

    /**
     * Resolves the options: an explicit URL wins; otherwise an embedded file in the data folder. A team database
     * is a PostgreSQL URL; H2 server URLs (tcp, ssl, AUTO_SERVER) are refused: they let anyone on the network
     * open the whole database as its admin.
     */
    public static DataLocation resolve(Path dataDir, String dbUrl) {
        Path dir = (dataDir != null ? dataDir : defaultDataDir()).toAbsolutePath().normalize();
        String url = dbUrl != null && !dbUrl.isBlank() ? dbUrl.trim() : embeddedUrl(dir);
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:") || lower.contains("auto_server=true")) {
            throw new StoreException.Invalid("H2 server URLs are no longer supported: anyone on the network could open"
                    + " the whole database. A team shares a PostgreSQL database instead (README: Team mode).");
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            TeamConnections.requireNoCredentials(url);
        } else if (!lower.startsWith("jdbc:h2:")) {
            throw new StoreException.Invalid("Unknown database URL " + url + ": use jdbc:postgresql://HOST:PORT/DATABASE"
                    + " for a team database, or leave --db-url out for this desktop's own database.");
        }
        return new DataLocation(dir, url);
    }

    public static String embeddedUrl(Path dir) {
        // WRITE_DELAY=0: a commit is written to the file before it returns, so it survives kill -9.
        return "jdbc:h2:file:" + dir.resolve(DB_NAME).toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** True for an embedded database file in this process. */
    public boolean embedded() {
        return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    /** True for a team database on PostgreSQL. */
    public boolean team() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL as shown to people (a team URL never carries credentials, see {@link #resolve}). */
    public String displayUrl() {
        return jdbcUrl;
    }

    /** The database file (for messages), when the database is an embedded file. */
    public Path databaseFile() {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:")) {
            return null;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else {
            rest = rest.substring(h2FileSystemPrefix().length());
        }
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            rest = rest.substring(0, semi);
        }
        return Path.of(rest + ".mv.db").toAbsolutePath();
    }

    /**
     * The H2 file-system prefix of an embedded URL ({@code jdbc:h2:nio:/dir/supportdesk} gives {@code nio:}), or
     * the empty string for a plain file. Files H2 writes beside the database (backups) go through the same one.
     */
    String h2FileSystemPrefix() {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return "";
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("file:") || rest.startsWith("mem:")) {
            return "";
        }
        int colon = rest.indexOf(':');
        int slash = rest.indexOf('/');
        // a scheme is letters before a colon that comes before the path (not a Windows drive letter like C:)
        if (colon > 1 && (slash < 0 || colon < slash) && rest.substring(0, colon).chars().allMatch(Character::isLetter)) {
            return rest.substring(0, colon + 1);
        }
        return "";
    }

    public Path backupDir() {
        return dataDir.resolve("backups");
    }

    /** The log folder: {@code logs} in the data folder, or ~/Library/Logs/SupportDesk on macOS ({@link OsFolders}). */
    public Path logDir() {
        return OsFolders.current().logDir(dataDir);
    }
}
