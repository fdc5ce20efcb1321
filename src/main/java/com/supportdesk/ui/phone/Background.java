package com.supportdesk.ui.phone;

import com.supportdesk.store.StoreException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work for the phone screens: store calls run off the FX thread, their results are handed back
 * on the FX thread. View-models take this interface, so tests can run the work inline without the toolkit.
 */
public interface Background {

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs the work on the given executor and hands the result to the FX thread with {@code Platform.runLater}. */
    static Background fx(Executor executor) {
        Logger log = LoggerFactory.getLogger(Background.class);
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                executor.execute(() -> {
                    try {
                        T result = work.call();
                        Platform.runLater(() -> onSuccess.accept(result));
                    } catch (Exception | Error e) {
                        if (!(e instanceof StoreException)) {
                            log.warn("Background work failed", e);
                        }
                        Platform.runLater(() -> onFailure.accept(e));
                    }
                });
            }
        };
    }

    /** Runs everything at once on the calling thread: for view-model tests without the toolkit. */
    static Background inline() {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
