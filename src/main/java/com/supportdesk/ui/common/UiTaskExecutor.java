package com.supportdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One background executor for the database (PDFsam style); results are handed to the FX thread. */
public final class UiTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UiTaskExecutor.class);
    private final ExecutorService pool;

    public UiTaskExecutor(String name) {
        this(name, 2);
    }

    /** With one thread the work runs in the order it was given (e.g. a call's autosaves before its end). */
    public UiTaskExecutor(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> result.complete(value));
            } catch (Exception | Error e) {
                LOG.debug("Background task failed: {}", e.toString());
                Platform.runLater(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    @Override
    public void onUiThread(Runnable r) {
        Platform.runLater(r);
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
