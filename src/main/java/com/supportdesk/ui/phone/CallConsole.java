package com.supportdesk.ui.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.FxDialogService;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.phone.IncomingCall;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The telephone operator's entry point, for the main window: opens the call console (Ctrl+L) and the
 * "Log chat" window. One console at a time: opening it again while a call is in progress brings that
 * call's window to the front (an operator is on one call at a time, and it keeps a live call's draft from
 * being offered back as "unfinished").
 *
 * <p>Wiring: build one per application with the store, the clock, the agent's zone and the executor for
 * phone work. The desk's menu opens it ({@code DeskAction.NEW_CALL}, Ctrl+L, and {@code LOG_CHAT}).
 */
public final class CallConsole {

    private final PhoneContext context;
    private final Function<Supplier<Window>, DialogService> dialogs;
    private Stage console;
    private CallConsoleViewModel consoleModel;
    private Consumer<Ticket> onLogged = t -> { };
    /** Calls that came in while the operator was on another: each opens when the call before it ends. */
    private final Deque<Waiting> waiting = new ArrayDeque<>();

    private record Waiting(Window owner, Agent operator, IncomingCall call) {
    }

    /**
     * Production: FX timeline ticks, the desk's dialogs, background work on {@code tasks} (give it one thread, so a
     * call's autosaves and its end are stored in order).
     */
    public CallConsole(Store store, Clock clock, ZoneId zone, TaskExecutor tasks) {
        this(new PhoneContext(store, clock, zone, tasks, RepeatingTimer.fx(), PhoneContext.AUTOSAVE_EVERY),
                FxDialogService::new);
    }

    /**
     * Tests and custom wiring: every collaborator injected. {@code dialogs} gets the window its dialogs belong
     * to (the phone window once it is shown).
     */
    public CallConsole(PhoneContext context, Function<Supplier<Window>, DialogService> dialogs) {
        this.context = context;
        this.dialogs = dialogs;
    }

    /** Called on the FX thread with the ticket a call or chat was logged on (as the operator may see it). */
    public void setOnLogged(Consumer<Ticket> listener) {
        onLogged = listener == null ? t -> { } : listener;
    }

    /**
     * Opens the call console with the timer running; the call starts now. With a ticket id it is an outbound
     * call logged on that ticket; without, an inbound call that opens a ticket or is logged on one.
     */
    public Stage open(Window owner, Agent operator, Long ticketIdOrNull) {
        if (console != null && console.isShowing()) {
            console.toFront();
            console.requestFocus();
            return console;
        }
        return show(owner, operator, ticketIdOrNull, null);
    }

    /**
     * Opens the call console for a call a softphone reported ({@code support-desk call --from}): the timer counts from
     * when the call came in and the caller is looked up by its number. While the operator is on another call, this
     * one waits and opens, with its own start time, when that call is logged or discarded.
     */
    public Stage openIncoming(Window owner, Agent operator, IncomingCall call) {
        if (console != null && console.isShowing()) {
            waiting.add(new Waiting(owner, operator, call));
            consoleModel.callWaiting(call, waiting.size());
            console.toFront();
            console.requestFocus();
            return console;
        }
        return show(owner, operator, null, call);
    }

    private Stage show(Window owner, Agent operator, Long ticketIdOrNull, IncomingCall call) {
        Stage[] holder = new Stage[1];
        DialogService d = dialogs.apply(() -> holder[0] != null ? holder[0] : owner);
        CallConsoleViewModel vm = call != null ? new CallConsoleViewModel(context, operator, call, d)
                : new CallConsoleViewModel(context, operator, ticketIdOrNull, d);
        vm.setOnLogged(o -> onLogged.accept(o.ticket()));
        Stage stage = new CallConsoleView(vm).show(owner);
        holder[0] = stage;
        stage.setOnHiding(e -> {
            if (console == stage) {
                console = null;
                consoleModel = null;
                Waiting next = waiting.poll();
                if (next != null) {
                    // after this window has gone: the next call gets a console of its own
                    Platform.runLater(() -> openIncoming(next.owner(), next.operator(), next.call()));
                }
            }
        });
        console = stage;
        consoleModel = vm;
        return stage;
    }

    /** Opens "Log chat": a transcript for a new ticket, or for {@code ticketIdOrNull} when given. */
    public Stage openChatLog(Window owner, Agent operator, Long ticketIdOrNull) {
        Stage[] holder = new Stage[1];
        ChatLogViewModel vm = new ChatLogViewModel(context, operator, ticketIdOrNull,
                dialogs.apply(() -> holder[0] != null ? holder[0] : owner));
        vm.setOnLogged(o -> onLogged.accept(o.ticket()));
        holder[0] = new ChatLogView(vm).show(owner);
        return holder[0];
    }

    /** The console's view-model while a call is open (for tests and the main window's status bar). */
    public CallConsoleViewModel current() {
        return consoleModel;
    }
}
