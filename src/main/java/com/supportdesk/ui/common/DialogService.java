package com.supportdesk.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog a view-model needs, behind an interface (JabRef style), so view-models are tested without
 * the toolkit. Messages are plain language; never a stack trace.
 */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks where to save a file; empty when the agent cancels. */
    Optional<Path> askSaveLocation(String title, String suggestedFileName);
}
