package com.supportdesk.app;

import com.supportdesk.cli.CallCommand;
import com.supportdesk.phone.IncomingCall;
import com.supportdesk.ui.MainWindow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.application.Platform;

/**
 * What the running desktop answers on its {@link DeskChannel}: {@code open} (a second launch for the same user and
 * data folder: the window comes forward) and {@code call} (a softphone's {@code support-desk call --from}: the call
 * console opens). Requests that arrive while the window is still being built wait for it. The embedded database's
 * {@code backup} is added to the same {@link #dispatcher()} once the database is open.
 */
final class DeskRequests {

    static final String OPEN = "open";
    static final long ANSWER_WITHIN_SECONDS = 10;

    private final Clock clock;
    private final DeskChannel.Dispatcher dispatcher = new DeskChannel.Dispatcher();
    private final List<Runnable> early = new ArrayList<>();
    private MainWindow window;

    DeskRequests(Clock clock) {
        this.clock = clock;
        dispatcher.on(OPEN, r -> onFx(w -> {
            w.bringForward();
            return "Support Desk is already open for you: it came forward.";
        }, "Support Desk is starting: its window comes up in a moment."));
        dispatcher.on(CallCommand.REQUEST, r -> {
            IncomingCall call = IncomingCall.fromArgs(r.args(), clock.instant());
            return onFx(w -> w.takeCall(call), "Support Desk is starting: the call console for " + call.describe()
                    + " opens once you have signed in.");
        });
    }

    DeskChannel.Dispatcher dispatcher() {
        return dispatcher;
    }

    Clock clock() {
        return clock;
    }

    /** The window exists (FX thread): requests that came before it are carried out now. */
    void attach(MainWindow w) {
        List<Runnable> waiting;
        synchronized (this) {
            window = w;
            waiting = List.copyOf(early);
            early.clear();
        }
        waiting.forEach(Runnable::run);
    }

    /** Runs {@code action} on the FX thread with the window and answers what it says; before the window, later. */
    private DeskChannel.Reply onFx(Function<MainWindow, String> action, String beforeWindow) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (this) {
            if (window == null) {
                early.add(() -> action.apply(window));
                return DeskChannel.Reply.done(beforeWindow);
            }
        }
        MainWindow w = window;
        Platform.runLater(() -> {
            try {
                answer.complete(action.apply(w));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return DeskChannel.Reply.done(answer.get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return DeskChannel.Reply.done("Support Desk took the request but is busy; its window comes up when it can.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeskChannel.Reply.refused("Interrupted.");
        }
    }
}
