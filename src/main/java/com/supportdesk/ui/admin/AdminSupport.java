package com.supportdesk.ui.admin;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers shared by the administration screens. */
final class AdminSupport {

    private AdminSupport() {
    }

    /** The message for people inside a (wrapped) failure: store and import errors are written for them. */
    static String plain(Throwable err) {
        Throwable t = err;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof java.io.UncheckedIOException u && u.getCause() != null && t.getMessage() == null) {
            t = u.getCause();
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "The file " + t.getMessage() + " does not exist.";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied: " + t.getMessage() + ".";
        }
        return t.getMessage() == null ? "Something went wrong (" + t.getClass().getSimpleName() + ")." : t.getMessage();
    }
}
