package com.supportdesk.ui.common;

import com.supportdesk.store.StoreException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of background work of a view-model (JabRef's {@code BackgroundTask}): the work, which runs off the FX
 * thread, and what happens on the FX thread when it starts, succeeds, fails and ends. Run it with
 * {@link #executeWith(TaskExecutor)}: the desk's {@link UiTaskExecutor}, or {@link TaskExecutor#direct()} in
 * view-model tests.
 *
 * <pre>{@code
 * BackgroundTask.wrap(() -> store.agents().all())
 *         .trackedBy(state)                 // busy while it runs, the plain message on failure
 *         .onSuccess(agents::setAll)
 *         .executeWith(executor);
 * }</pre>
 */
public final class BackgroundTask<V> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    private final Callable<V> work;
    private TaskState state;
    private String pending;
    private Runnable onRunning = () -> { };
    private Consumer<? super V> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<V> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <V> BackgroundTask<V> wrap(Callable<V> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(TaskExecutor.ThrowingRunnable work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Shows the task in the view-model's state: busy while it runs, the failure's plain message as the error. */
    public BackgroundTask<V> trackedBy(TaskState taskState) {
        this.state = taskState;
        return this;
    }

    /** The status line while the task runs (with {@link #trackedBy}), e.g. "Connecting to imap.example.com…". */
    public BackgroundTask<V> withStatus(String pendingStatus) {
        this.pending = pendingStatus;
        return this;
    }

    public BackgroundTask<V> onRunning(Runnable r) {
        this.onRunning = Objects.requireNonNull(r);
        return this;
    }

    public BackgroundTask<V> onSuccess(Consumer<? super V> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    /** Gets the failure itself (unwrapped: see {@link Errors#cause}); {@link Errors#plain} words it. */
    public BackgroundTask<V> onFailure(Consumer<Throwable> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    /** Runs after success or failure. */
    public BackgroundTask<V> onFinished(Runnable r) {
        this.onFinished = Objects.requireNonNull(r);
        return this;
    }

    /**
     * Starts the task (call on the FX thread). The returned future completes on the FX thread after the callbacks
     * ran, with the result or the failure, so further steps can be chained to it.
     */
    public CompletableFuture<V> executeWith(TaskExecutor executor) {
        if (state != null) {
            state.started(pending);
        }
        onRunning.run();
        return executor.supply(work).handle((value, err) -> {
            Throwable failure = err == null ? null : Errors.cause(err);
            if (state != null) {
                state.finished(failure);
            }
            try {
                if (failure == null) {
                    onSuccess.accept(value);
                } else {
                    if (!(failure instanceof StoreException)) {
                        LOG.warn("Background work failed: {}", failure.toString());
                    }
                    onFailure.accept(failure);
                }
            } finally {
                onFinished.run();
            }
            if (failure != null) {
                throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
            }
            return value;
        });
    }
}
