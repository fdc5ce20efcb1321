package com.supportdesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Where the main window's size and position are remembered (injectable; a properties file in the data folder). */
public interface WindowStateStore {

    record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    Optional<Bounds> load();

    void save(Bounds bounds);

    WindowStateStore NONE = new WindowStateStore() {
        @Override
        public Optional<Bounds> load() {
            return Optional.empty();
        }

        @Override
        public void save(Bounds bounds) {
        }
    };

    /** A small properties file, e.g. {@code window.properties} in the data folder. */
    static WindowStateStore file(Path file) {
        return new WindowStateStore() {
            @Override
            public Optional<Bounds> load() {
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                    return Optional.of(new Bounds(Double.parseDouble(p.getProperty("x")), Double.parseDouble(p.getProperty("y")),
                            Double.parseDouble(p.getProperty("width")), Double.parseDouble(p.getProperty("height")),
                            Boolean.parseBoolean(p.getProperty("maximized"))));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void save(Bounds b) {
                Properties p = new Properties();
                p.setProperty("x", Double.toString(b.x()));
                p.setProperty("y", Double.toString(b.y()));
                p.setProperty("width", Double.toString(b.width()));
                p.setProperty("height", Double.toString(b.height()));
                p.setProperty("maximized", Boolean.toString(b.maximized()));
                try {
                    if (file.getParent() != null) {
                        Files.createDirectories(file.getParent());
                    }
                    try (OutputStream out = Files.newOutputStream(file)) {
                        p.store(out, "Support Desk main window");
                    }
                } catch (IOException e) {
                    // a lost window position is not worth bothering anyone about
                }
            }
        };
    }
}
