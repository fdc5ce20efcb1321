package com.supportdesk.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every dialog a view-model (or a view) of the desk shows, behind one interface (JabRef's {@code DialogService}),
 * so view-models are tested without the toolkit: {@link FxDialogService} in the app, a scripted one in tests.
 * Messages are plain language, never a stack trace; every dialog has the same look (title, header, wrapped text).
 */
public interface DialogService {

    /** A kind of file the file choosers offer: "iCalendar files" with {@code *.ics}. */
    record FileType(String description, List<String> patterns) {
        public FileType {
            Objects.requireNonNull(description, "description");
            patterns = List.copyOf(patterns);
        }

        public static FileType of(String description, String... patterns) {
            return new FileType(description, List.of(patterns));
        }

        public static final FileType ALL = of("All files", "*.*");
    }

    /** One answer of {@link #ask}: the button's text (with a mnemonic, e.g. "_Resume") and what it stands for. */
    record Answer<T>(String text, T value) {
    }

    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks where to save a file; empty when cancelled. */
    Optional<Path> askSaveLocation(String title, String suggestedFileName, FileType... types);

    /** Asks for an existing file to read; empty when cancelled. */
    Optional<Path> askOpenFile(String title, FileType... types);

    /** A yes/no question; true for {@code yes} (the default button). */
    boolean confirm(String title, String message, String yes);

    /**
     * Asks before throwing work away: "Discard" or "Keep it". Enter keeps (discarding takes its mnemonic), so a stray
     * Enter loses nothing. True means discard.
     */
    boolean confirmDiscard(String title, String message);

    /**
     * A question with its own answers: the first is the default (Enter), the last is what Esc or closing the dialog
     * picks.
     */
    <T> T ask(String title, String message, List<Answer<T>> answers);
}
