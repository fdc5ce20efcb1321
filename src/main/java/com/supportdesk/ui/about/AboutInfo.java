package com.supportdesk.ui.about;

import com.supportdesk.store.DataLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Help → About shows: the version (from the jar's manifest, "development build" when run from classes), the
 * data folder, the database (its file, or the JDBC URL of a server), the log file ({@code <data folder>/logs/
 * support-desk.log}, as logback writes it), and the Java and JavaFX runtime.
 */
public record AboutInfo(String version, Path dataFolder, String database, Path logFile, String java, String javaFx,
                        String os) {

    public static final String DEVELOPMENT = "development build";

    /** The facts for a data location, read from this process. */
    public static AboutInfo of(DataLocation location) {
        String v = AboutInfo.class.getPackage() == null ? null : AboutInfo.class.getPackage().getImplementationVersion();
        Path file = location.databaseFile();
        return new AboutInfo(v == null || v.isBlank() ? DEVELOPMENT : v, location.dataDir(),
                file != null ? file.toString() : location.jdbcUrl(),
                logFile(location),
                System.getProperty("java.version", "?") + " (" + System.getProperty("java.vendor", "?") + ")",
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")),
                System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " ("
                        + System.getProperty("os.arch", "?") + ")");
    }

    /** The log file: where the launcher pointed logback ({@code supportdesk.logdir}), else the data folder's logs. */
    static Path logFile(DataLocation location) {
        String dir = System.getProperty("supportdesk.logdir");
        Path logs = dir != null && !dir.isBlank() ? Path.of(dir) : location.logDir();
        return logs.resolve("support-desk.log");
    }

    /** The facts as label → value, in the order shown (and copied). */
    public Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Version", version);
        m.put("Data folder", dataFolder.toString());
        m.put("Database", database);
        m.put("Log file", logFile.toString());
        m.put("Java", java);
        m.put("JavaFX", javaFx);
        m.put("System", os);
        return m;
    }

    /** Plain text for the clipboard (support requests). */
    public String text() {
        StringBuilder b = new StringBuilder("Support Desk\n");
        facts().forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }
}
