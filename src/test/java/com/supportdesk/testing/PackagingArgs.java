package com.supportdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JVM options the installers' launchers run with, read from jpackage's argument files in {@code packaging/}. */
public final class PackagingArgs {

    /** The argument file every OS's launcher shares. */
    public static final Path COMMON = Path.of("packaging", "common.args");

    private PackagingArgs() {
    }

    /** The values of the {@code --java-options} lines of {@code argsFile}, in order (comments and other options skipped). */
    public static List<String> javaOptions(Path argsFile) {
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(argsFile)) {
                String l = line.strip();
                if (l.startsWith("--java-options ")) {
                    options.add(unquote(l.substring("--java-options ".length()).strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
