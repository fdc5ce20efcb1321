package com.supportdesk.report;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a quarterly report is written in. */
public enum ReportFormat {
    PDF(".pdf"), CSV(".csv");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format named by the file's extension, {@code .pdf} or {@code .csv} (any case).
     *
     * @throws IllegalArgumentException with a message for people otherwise
     */
    public static ReportFormat of(Path file) {
        Path name = file == null ? null : file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (n.endsWith(f.extension) && n.length() > f.extension.length()) {
                return f;
            }
        }
        throw new IllegalArgumentException("The report file must end in .pdf or .csv, not '" + file + "'.");
    }
}
