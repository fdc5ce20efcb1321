package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What the desk says when writing a file fails: a full disk names the folder and the space left. */
class ErrorsTest {

    @Test
    void aFullDiskWhileSavingIsSaidAsSuchNamingTheFolder() throws IOException {
        Path full = Path.of("/dev/full");
        IOException failure = null;
        if (Files.isWritable(full)) { // a real full device where the system has one (Linux)
            try (BufferedWriter w = Files.newBufferedWriter(full)) {
                w.write("x".repeat(100_000));
            } catch (IOException e) {
                failure = e;
            }
        } else {
            failure = new IOException("No space left on device");
        }
        assertThat(failure).isNotNull();
        String said = Errors.plain(new CompletionException(new UncheckedIOException(failure)), full);
        assertThat(said).startsWith("The disk is full: could not write to " + full.getParent()).contains("left there");
    }

    @Test
    void otherFailuresKeepTheirOwnSentence() {
        assertThat(Errors.plain(new UncheckedIOException(new IOException("Permission denied")), Path.of("/tmp/x.csv")))
                .doesNotContain("disk is full");
    }
}
