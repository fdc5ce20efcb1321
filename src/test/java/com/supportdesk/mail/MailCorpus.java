package com.supportdesk.mail;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real-world odd messages ({@code ../shared/mail-corpus}, passed by Surefire as the
 * system property {@code supportdesk.mailCorpus}). Never copied into the project; tests that need it are
 * skipped when it is absent.
 */
final class MailCorpus {

    static final String PROPERTY = "supportdesk.mailCorpus";

    private MailCorpus() {
    }

    /** The corpus folder; skips the calling test (JUnit assumption) when it is not there. */
    static Path folder() {
        String location = System.getProperty(PROPERTY);
        assumeTrue(location != null && !location.isBlank(), "system property " + PROPERTY + " not set");
        Path folder = Path.of(location);
        assumeTrue(Files.isDirectory(folder), "mail corpus not present at " + folder);
        return folder;
    }

    /** Every message file (all files but SOURCES.md), sorted. */
    static List<Path> messages() {
        Path folder = folder();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("SOURCES.md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String relative) {
        Path file = folder().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "corpus file missing: " + relative);
        return file;
    }
}
