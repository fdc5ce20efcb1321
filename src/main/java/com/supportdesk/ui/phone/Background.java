package com.supportdesk.ui.phone;

import com.supportdesk.store.StoreException;
import com.supportdesk.ui.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work for the phone screens, as callbacks: store calls run on the desk's {@link TaskExecutor}
 * (off the FX thread), their results come back on the FX thread. View-models take this interface, so tests can
 * run the work inline without the toolkit.
 */
public interface Background {

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Callbacks on top of a task executor (whose futures complete on the UI thread). */
    static Background of(TaskExecutor tasks) {
        Logger log = LoggerFactory.getLogger(Background.class);
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                tasks.supply(work).whenComplete((result, failure) -> {
                    if (failure == null) {
                        onSuccess.accept(result);
                        return;
                    }
                    if (!(failure instanceof StoreException)) {
                        log.warn("Background work failed", failure);
                    }
                    onFailure.accept(failure);
                });
            }
        };
    }

    /** Runs everything at once on the calling thread: for view-model tests without the toolkit. */
    static Background inline() {
        return of(TaskExecutor.direct());
    }
}
