package com.supportdesk.ui.phone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PhoneDialogs} answered by the test, recording what was asked. */
final class ScriptedDialogs implements PhoneDialogs {

    volatile boolean discardAnswer = true;
    volatile DraftChoice draftAnswer = DraftChoice.RESUME;
    volatile Path transcript;
    final List<String> asked = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public synchronized boolean confirmDiscard(String message) {
        asked.add(message);
        return discardAnswer;
    }

    @Override
    public synchronized DraftChoice offerDraft(String message) {
        asked.add(message);
        return draftAnswer;
    }

    @Override
    public synchronized void showError(String message) {
        errors.add(message);
    }

    @Override
    public Optional<Path> chooseTranscript() {
        return Optional.ofNullable(transcript);
    }

    synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
