package com.supportdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TaskExecutor} for view-model tests that decides when background work runs: {@link #supply} only queues the
 * work; {@link #runNext()} runs the oldest on the calling thread and completes its future there (the test's "UI
 * thread"). So a test can hold work back and interleave it with other events.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        queue.add(ThreadTaskExecutor.completing(work, f));
        return f;
    }

    @Override
    public void onUiThread(Runnable r) {
        r.run();
    }

    /** Runs the oldest queued work (and its callbacks). */
    public void runNext() {
        Runnable r;
        synchronized (this) {
            if (queue.isEmpty()) {
                throw new IllegalStateException("No background work is queued.");
            }
            r = queue.poll();
        }
        r.run();
    }

    /** Runs queued work until none is left, including work queued by callbacks. */
    public void runAll() {
        while (pending() > 0) {
            runNext();
        }
    }

    public synchronized int pending() {
        return queue.size();
    }
}
