package com.supportdesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Where the main window's size and position, and the text size ({@link com.supportdesk.ui.common.FontZoom}), are
 * remembered for this desktop (injectable; a properties file in the data folder).
 */
public interface WindowStateStore {

    record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    Optional<Bounds> load();

    void save(Bounds bounds);

    /** The text zoom in percent, if one was saved. */
    default OptionalInt loadZoom() {
        return OptionalInt.empty();
    }

    default void saveZoom(int percent) {
    }

    WindowStateStore NONE = new WindowStateStore() {
        @Override
        public Optional<Bounds> load() {
            return Optional.empty();
        }

        @Override
        public void save(Bounds bounds) {
        }
    };

    /** A small properties file, e.g. {@code window.properties} in the data folder; each save keeps the other keys. */
    static WindowStateStore file(Path file) {
        return new WindowStateStore() {
            @Override
            public Optional<Bounds> load() {
                Properties p = read(file);
                try {
                    return Optional.of(new Bounds(Double.parseDouble(p.getProperty("x")), Double.parseDouble(p.getProperty("y")),
                            Double.parseDouble(p.getProperty("width")), Double.parseDouble(p.getProperty("height")),
                            Boolean.parseBoolean(p.getProperty("maximized"))));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void save(Bounds b) {
                Properties p = read(file);
                p.setProperty("x", Double.toString(b.x()));
                p.setProperty("y", Double.toString(b.y()));
                p.setProperty("width", Double.toString(b.width()));
                p.setProperty("height", Double.toString(b.height()));
                p.setProperty("maximized", Boolean.toString(b.maximized()));
                write(file, p);
            }

            @Override
            public OptionalInt loadZoom() {
                try {
                    String z = read(file).getProperty("zoom");
                    return z == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(z.strip()));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }

            @Override
            public void saveZoom(int percent) {
                Properties p = read(file);
                p.setProperty("zoom", Integer.toString(percent));
                write(file, p);
            }
        };
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | RuntimeException e) {
                // unreadable: as if nothing was remembered
            }
        }
        return p;
    }

    private static void write(Path file, Properties p) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Support Desk main window");
            }
        } catch (IOException e) {
            // a lost window position or text size is not worth bothering anyone about
        }
    }
}
