package com.supportdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link TaskExecutor} for view-model tests whose work must really run on another thread (e.g. waiting for a
 * browser): the work runs on {@code background}; its result, and {@link #onUiThread} work, run on whichever thread
 * finishes it (no toolkit, so there is no FX thread to hand them to).
 */
public final class ThreadTaskExecutor implements TaskExecutor {

    private final Executor background;

    public ThreadTaskExecutor(Executor background) {
        this.background = background;
    }

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        background.execute(completing(work, f));
        return f;
    }

    /** Runs the work and completes the future with its result or failure, on the thread that runs it. */
    static <T> Runnable completing(Callable<T> work, CompletableFuture<T> f) {
        return () -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        };
    }

    @Override
    public void onUiThread(Runnable r) {
        r.run();
    }
}
