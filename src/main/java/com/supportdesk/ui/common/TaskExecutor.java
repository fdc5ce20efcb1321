package com.supportdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Background work for view-models (JabRef style). The work runs off the FX thread; the returned future
 * completes on the UI thread, so callbacks may touch properties bound to the scene.
 */
public interface TaskExecutor {

    <T> CompletableFuture<T> supply(Callable<T> work);

    /** Runs on the UI thread (later, when called from it). */
    void onUiThread(Runnable r);

    default CompletableFuture<Void> run(ThrowingRunnable work) {
        return supply(() -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Runs everything at once on the calling thread: for view-model tests without the toolkit. */
    static TaskExecutor direct() {
        return new TaskExecutor() {
            @Override
            public <T> CompletableFuture<T> supply(Callable<T> work) {
                try {
                    return CompletableFuture.completedFuture(work.call());
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void onUiThread(Runnable r) {
                r.run();
            }
        };
    }
}
