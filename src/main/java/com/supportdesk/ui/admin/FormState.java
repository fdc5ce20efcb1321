package com.supportdesk.ui.admin;

import com.supportdesk.ui.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every administration view-model has: background work through the {@link TaskExecutor} with a busy flag,
 * the plain message of the last failure, and the status line of the last success.
 */
abstract class FormState {

    protected final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    FormState(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Runs the work off the UI thread with {@link #busy()} set; a failure's plain message goes to {@link #error()}
     * (the returned future fails too, so success steps chained to it are skipped).
     */
    protected <T> CompletableFuture<T> background(Callable<T> work) {
        busy.set(true);
        error.set("");
        return executor.supply(work).whenComplete((v, err) -> {
            busy.set(false);
            if (err != null) {
                error.set(AdminSupport.plain(err));
            }
        });
    }

    /** As {@link #background(Callable)} for work without a result. */
    protected CompletableFuture<Void> background(TaskExecutor.ThrowingRunnable work) {
        return background(() -> {
            work.run();
            return null;
        });
    }

    /** Reports a failure found before any work started (bad input) and returns it as a failed future. */
    protected <T> CompletableFuture<T> refuse(RuntimeException e) {
        error.set(e.getMessage());
        return CompletableFuture.failedFuture(e);
    }

    protected void setError(String message) {
        error.set(message == null ? "" : message);
    }

    protected void setStatus(String message) {
        status.set(message == null ? "" : message);
    }

    protected void setBusy(boolean b) {
        busy.set(b);
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }
}
