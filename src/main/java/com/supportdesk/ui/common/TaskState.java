package com.supportdesk.ui.common;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a view-model shows about its background work: busy while a {@link BackgroundTask} it tracks runs, the status
 * line of the last success and the plain message ({@link Errors#plain}) of the last failure. Views bind to the three
 * properties; the view-model sets the status. FX thread only (the tasks report on it).
 */
public final class TaskState {

    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyStringWrapper error;
    private final boolean oneLine;

    /** @param bean the view-model owning the state (the properties' bean) */
    public TaskState(Object bean) {
        this(bean, false);
    }

    private TaskState(Object bean, boolean oneLine) {
        busy = new ReadOnlyBooleanWrapper(bean, "busy");
        status = new ReadOnlyStringWrapper(bean, "status", "");
        error = new ReadOnlyStringWrapper(bean, "error", "");
        this.oneLine = oneLine;
    }

    /** For a screen with a single message line (the mail screens): a failure's message replaces the status too. */
    public static TaskState oneLine(Object bean) {
        return new TaskState(bean, true);
    }

    /** A task started: busy, no error; {@code pending} (when not null) is the status while it runs. */
    void started(String pending) {
        busy.set(true);
        error.set("");
        if (pending != null) {
            status.set(pending);
        }
    }

    /** A task ended; a failure's plain message becomes the error. */
    void finished(Throwable failure) {
        busy.set(false);
        if (failure != null) {
            error.set(Errors.plain(failure));
            if (oneLine) {
                status.set(error.get());
            }
        }
    }

    /** Reports a failure found before any work started (bad input) and returns it as a failed future. */
    public <T> CompletableFuture<T> refuse(RuntimeException e) {
        error.set(Errors.plain(e));
        return CompletableFuture.failedFuture(e);
    }

    public void setStatus(String message) {
        status.set(message == null ? "" : message);
    }

    public void setError(String message) {
        error.set(message == null ? "" : message);
    }

    /** For work that is not a {@link BackgroundTask} (e.g. a report written on its own thread). */
    public void setBusy(boolean b) {
        busy.set(b);
    }

    public boolean isBusy() {
        return busy.get();
    }

    public String getStatus() {
        return status.get();
    }

    public String getError() {
        return error.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
