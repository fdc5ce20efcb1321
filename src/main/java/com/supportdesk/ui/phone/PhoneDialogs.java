package com.supportdesk.ui.phone;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the phone screens ask. View-models only talk to this interface; the FX implementation is
 * {@link FxPhoneDialogs}, and tests answer with a scripted one.
 */
public interface PhoneDialogs {

    /** What to do with an unfinished call found when the console opens. */
    enum DraftChoice {
        /** Continue it: its notes, caller and original start time come back. */
        RESUME,
        /** Delete it. */
        DISCARD,
        /** Keep it for later and start a new call. */
        LATER
    }

    /** Asks before throwing a call or a transcript away. True means discard. */
    boolean confirmDiscard(String message);

    DraftChoice offerDraft(String message);

    void showError(String message);

    /** A {@code .txt} transcript to import, if the operator picks one. */
    Optional<Path> chooseTranscript();
}
