package com.supportdesk.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link DialogService} of view-model tests: answers as the test scripted, and records what was shown and asked.
 * Thread-safe (FX tests answer from the FX thread and read from the test thread).
 */
public final class ScriptedDialogs implements DialogService {

    /** The answer to {@link #confirmDiscard}. */
    public volatile boolean discardAnswer = true;
    /** The answer to {@link #confirm}. */
    public volatile boolean confirmAnswer = true;
    /** The value {@link #ask} answers (when it is one of the answers offered; else the first, the default). */
    public volatile Object askAnswer;
    /** The file {@link #askSaveLocation} and {@link #askOpenFile} answer; null is a cancelled chooser. */
    public volatile Path file;

    private final List<String> asked = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public synchronized void showInfo(String title, String message) {
        infos.add(message);
    }

    @Override
    public synchronized Optional<Path> askSaveLocation(String title, String suggestedFileName, FileType... types) {
        asked.add("save: " + suggestedFileName);
        return Optional.ofNullable(file);
    }

    @Override
    public synchronized Optional<Path> askOpenFile(String title, FileType... types) {
        asked.add("open: " + title);
        return Optional.ofNullable(file);
    }

    @Override
    public synchronized boolean confirm(String title, String message, String yes) {
        asked.add(message);
        return confirmAnswer;
    }

    @Override
    public synchronized boolean confirmDiscard(String title, String message) {
        asked.add(message);
        return discardAnswer;
    }

    @Override
    public synchronized <T> T ask(String title, String message, List<Answer<T>> answers) {
        asked.add(message);
        return answers.stream().map(Answer::value).filter(v -> v.equals(askAnswer)).findFirst()
                .orElse(answers.get(0).value());
    }

    /** The questions asked (messages), file choosers as "save: name" / "open: title", in order. */
    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<String> infos() {
        return List.copyOf(infos);
    }
}
