package com.supportdesk.ui.mail;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A view-model's work off the UI thread, reported as one plain status line and a busy flag (the mail screens'
 * view-models share it). Tests pass {@code Runnable::run} for both executors.
 */
final class BackgroundWork {

    /** Work that may fail with a plain-language message. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyBooleanWrapper busy;

    BackgroundWork(Object bean, Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.status = new ReadOnlyStringWrapper(bean, "status", "");
        this.busy = new ReadOnlyBooleanWrapper(bean, "busy");
    }

    /**
     * Runs {@code work} in the background (showing {@code pending} meanwhile, when not null), then {@code done} with
     * its result on the UI thread; a failure shows its message instead.
     */
    <T> void run(String pending, Work<T> work, Consumer<T> done) {
        busy.set(true);
        if (pending != null) {
            status.set(pending);
        }
        background.execute(() -> {
            T result = null;
            String failure = null;
            try {
                result = work.run();
            } catch (Exception e) {
                failure = e.getMessage() == null ? "That did not work (" + e.getClass().getSimpleName() + ")." : e.getMessage();
            }
            T r = result;
            String f = failure;
            ui.execute(() -> {
                busy.set(false);
                if (f != null) {
                    status.set(f);
                } else {
                    done.accept(r);
                }
            });
        });
    }

    void status(String text) {
        status.set(text);
    }

    String status() {
        return status.get();
    }

    boolean busy() {
        return busy.get();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
