package com.supportdesk.ui.common;

import com.supportdesk.store.DiskSpace;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure into the sentence the desk shows. The store, the mail and phone services and the importers
 * write their messages for people, so the message of the real cause is shown as it is; only what carries no
 * sentence of its own gets one here. Never a stack trace.
 */
public final class Errors {

    private Errors() {
    }

    /** The failure inside the wrappers background work adds (completion, execution, a bare unchecked I/O). */
    public static Throwable cause(Throwable err) {
        Throwable t = Objects.requireNonNull(err, "err");
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException
                || (t instanceof UncheckedIOException && Objects.equals(t.getMessage(), t.getCause().toString())))) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * As {@link #plain(Throwable)} for a failure while writing {@code file}: a full disk is said as such, naming the
     * folder and the space left there.
     */
    public static String plain(Throwable err, Path file) {
        Path folder = file.toAbsolutePath().getParent() != null ? file.toAbsolutePath().getParent() : file;
        return DiskSpace.SYSTEM.diskFull(cause(err), folder).map(Throwable::getMessage).orElseGet(() -> plain(err));
    }

    /** The message for people: "SD-12 was changed by …", "The file x does not exist.", … */
    public static String plain(Throwable err) {
        Throwable t = cause(err);
        if (t instanceof NoSuchFileException) {
            return "The file " + t.getMessage() + " does not exist.";
        }
        if (t instanceof AccessDeniedException) {
            return "Permission denied: " + t.getMessage() + ".";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? "Something went wrong (" + t.getClass().getSimpleName() + ")." : m;
    }
}
