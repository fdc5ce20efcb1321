package com.supportdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The base of a form-like view-model (the administration screens, the reports): its background work goes through
 * the {@link TaskExecutor} as {@link BackgroundTask}s tracked by one {@link TaskState}, whose busy flag, status line
 * and error message it exposes.
 */
public abstract class TaskViewModel {

    protected final TaskExecutor executor;
    private final TaskState state = new TaskState(this);

    protected TaskViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Runs the work off the UI thread with {@link #busyProperty()} set; a failure's plain message goes to
     * {@link #errorProperty()} (the returned future fails too, so success steps chained to it are skipped).
     */
    protected <T> CompletableFuture<T> background(Callable<T> work) {
        return BackgroundTask.wrap(work).trackedBy(state).executeWith(executor);
    }

    /** As {@link #background(Callable)} for work without a result. */
    protected CompletableFuture<Void> background(TaskExecutor.ThrowingRunnable work) {
        return BackgroundTask.wrap(work).trackedBy(state).executeWith(executor);
    }

    /** Reports a failure found before any work started (bad input) and returns it as a failed future. */
    protected <T> CompletableFuture<T> refuse(RuntimeException e) {
        return state.refuse(e);
    }

    protected TaskState state() {
        return state;
    }

    protected void setError(String message) {
        state.setError(message);
    }

    protected void setStatus(String message) {
        state.setStatus(message);
    }

    protected void setBusy(boolean b) {
        state.setBusy(b);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return state.busyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return state.errorProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return state.statusProperty();
    }
}
