package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.AttachmentInfo;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.CallRecord;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.domain.TicketEvent;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.SlaState;
import com.supportdesk.sla.SlaStatus;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.NewerWins;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ticket at hand: its conversation (oldest first), history, attachments and countdown, and every
 * action on it. Each action goes through the store with the version the agent loaded; a conflicting change
 * by someone else fails with "changed by X … reload", which the view shows while keeping what was typed.
 */
public final class TicketDetailViewModel {

    /** One entry of the conversation. */
    public enum EntryKind { REQUEST, EMAIL_IN, EMAIL_OUT, NOTE, CALL, CHAT, ACK, BOUNCE }

    /**
     * One entry of the conversation.
     *
     * @param unknownSender an e-mail from someone who is neither the ticket's contact nor a contact of its customer
     */
    public record Entry(EntryKind kind, Instant at, String who, String title, String body, List<AttachmentInfo> attachments,
                        boolean unknownSender) {
    }

    /** Said on an e-mail from an unknown sender, where the conversation is shown. */
    public static final String UNKNOWN_SENDER = "Unknown sender: not this ticket's contact or a contact of its customer."
            + " It changed nothing on the ticket and is not used as the reply address.";

    private final Store store;
    private final Agent agent;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Countdown fmt;
    private final ResponseClock clock;
    private volatile String view;
    private Consumer<Ticket> onChanged = t -> { };

    private final ReadOnlyObjectWrapper<Ticket> ticket = new ReadOnlyObjectWrapper<>(this, "ticket");
    private final ObservableList<Entry> conversation = FXCollections.observableArrayList();
    private final ObservableList<TicketEvent> history = FXCollections.observableArrayList();
    private final ObservableList<AttachmentInfo> attachments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper conflict = new ReadOnlyStringWrapper(this, "conflict", "");
    private final ReadOnlyStringWrapper countdownText = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyObjectWrapper<Countdown.Tone> countdownTone = new ReadOnlyObjectWrapper<>(this, "tone");
    private final ReadOnlyStringWrapper clockDetail = new ReadOnlyStringWrapper(this, "clockDetail", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long loadToken;

    /** Names the screen reads come from, for the access audit (e.g. the Official Sensitive view). */
    public void setView(String view) {
        this.view = view;
    }

    public TicketDetailViewModel(Session session, TaskExecutor executor, DialogService dialogs, Countdown fmt, String view) {
        this.store = session.store();
        this.agent = session.agent();
        this.executor = executor;
        this.dialogs = dialogs;
        this.fmt = fmt;
        this.clock = session.clock();
        this.view = view;
    }

    /** Called after every successful change (the board merges the fresh card). */
    public void setOnChanged(Consumer<Ticket> onChanged) {
        this.onChanged = onChanged;
    }

    // ---------------------------------------------------------------- showing

    /** Shows a ticket (null clears the pane); its conversation loads in the background. */
    public CompletableFuture<Void> show(Ticket t) {
        long token = ++loadToken;
        conflict.set("");
        if (t == null || t.redacted()) {
            ticket.set(null);
            conversation.clear();
            history.clear();
            attachments.clear();
            countdownText.set("");
            clockDetail.set("");
            return CompletableFuture.completedFuture(null);
        }
        boolean other = ticket.get() == null || ticket.get().id() != t.id();
        ticket.set(t);
        if (other) {
            conversation.clear();
            history.clear();
            attachments.clear();
        }
        tick(store.database().clock().instant());
        busy.set(true);
        return executor.supply(() -> store.tickets().open(agent, t.id(), view)).handle((d, err) -> {
            if (token != loadToken) {
                return null;
            }
            busy.set(false);
            if (err != null) {
                conflict.set(Errors.plain(err));
                return null;
            }
            fill(d);
            return null;
        });
    }

    /**
     * A fresh copy from the change feed: reloads the conversation if the ticket at hand changed — never for a copy
     * older than the one shown (see {@link NewerWins}).
     */
    public void changedElsewhere(Ticket fresh) {
        Ticket cur = ticket.get();
        if (cur != null && fresh.id() == cur.id() && fresh.version() != cur.version() && NewerWins.replaces(fresh, cur)
                && conflict.get().isEmpty()) {
            show(fresh);
        }
    }

    public CompletableFuture<Void> reload() {
        Ticket cur = ticket.get();
        if (cur == null) {
            return CompletableFuture.completedFuture(null);
        }
        return executor.supply(() -> store.tickets().get(agent, cur.id())).thenCompose(t -> {
            onChanged.accept(t);
            return show(t);
        });
    }

    private void fill(TicketDetail d) {
        ticket.set(d.ticket());
        List<Entry> entries = new ArrayList<>();
        List<AttachmentInfo> files = new ArrayList<>();
        for (Message m : d.messages()) {
            entries.add(entry(m));
            files.addAll(m.attachments());
        }
        for (CallRecord c : d.calls()) {
            String len = c.duration() == null ? "in progress" : Countdown.hm(c.duration().toSeconds());
            entries.add(new Entry(EntryKind.CALL, c.started(), c.operatorName(),
                    (c.direction() == CallDirection.INBOUND ? "Call from " : "Call to ")
                            + (c.contactName() == null ? "the customer" : c.contactName()) + " (" + len + ")",
                    c.notes(), List.of(), false));
        }
        entries.sort(Comparator.comparing(Entry::at));
        conversation.setAll(entries);
        history.setAll(d.history());
        attachments.setAll(files);
        tick(store.database().clock().instant());
    }

    private static Entry entry(Message m) {
        EntryKind kind = switch (m.kind()) {
            case EMAIL -> m.direction() == Direction.OUT ? EntryKind.EMAIL_OUT : EntryKind.EMAIL_IN;
            case NOTE -> EntryKind.NOTE;
            case CHAT -> EntryKind.CHAT;
            case ACK -> EntryKind.ACK;
            case BOUNCE -> EntryKind.BOUNCE;
            case REQUEST -> EntryKind.REQUEST;
        };
        String who = m.authorName() != null ? m.authorName() : m.from() != null ? m.from() : "Customer";
        String title = switch (kind) {
            case EMAIL_IN -> "E-mail from " + who;
            case EMAIL_OUT -> "E-mail reply to " + (m.to() == null ? "the customer" : m.to());
            case NOTE -> "Internal note by " + who;
            case CHAT -> "Chat" + (m.direction() == Direction.OUT ? " reply by " + who : " transcript");
            case ACK -> "Automatic acknowledgement";
            case BOUNCE -> "Delivery failure";
            case REQUEST -> "Request as received";
            case CALL -> "Call";
        };
        if (m.subject() != null && kind != EntryKind.NOTE) {
            title += " \u2014 " + m.subject();
        }
        return new Entry(kind, m.at(), who, title, m.body(), m.attachments(), m.unknownSender());
    }

    /** The shared tick: recompute the countdown of the ticket at hand. */
    public void tick(Instant now) {
        Ticket t = ticket.get();
        if (t == null) {
            return;
        }
        SlaStatus s = Countdown.status(clock, t, now);
        countdownText.set(fmt.text(s, now));
        countdownTone.set(Countdown.Tone.of(s.state()));
        clockDetail.set(clockDetail(t, s, now));
    }

    private String clockDetail(Ticket t, SlaStatus s, Instant now) {
        if (t.firstContactAt() != null) {
            String by = t.firstContactEvent() == null ? "customer contact" : describe(t.firstContactEvent());
            return "Clock stopped by " + by + " on " + fmt.dateTime(t.firstContactAt()) + " \u2014 "
                    + (s.state() == SlaState.MET ? "met" : "missed") + "; due " + fmt.dateTime(s.deadline());
        }
        return switch (s.state()) {
            case PAUSED -> "Outside business hours; " + Countdown.hm(s.remainingSeconds()) + " of business time left; due "
                    + fmt.dateTime(s.deadline());
            case OVERDUE -> "No customer contact yet; was due " + fmt.dateTime(s.deadline());
            default -> "No customer contact yet; due " + fmt.dateTime(s.deadline()) + " (" + Countdown.hm(s.targetSeconds())
                    + " target)";
        };
    }

    static String describe(ContactEvent e) {
        return switch (e) {
            case EMAIL_REPLY -> "an e-mail reply";
            case PHONE_CALL -> "a phone call";
            case CHAT_REPLY -> "a chat reply";
        };
    }

    // ---------------------------------------------------------------- actions

    public CompletableFuture<Ticket> assignToMe() {
        return change(t -> store.changes().assign(agent, t.id(), t.version(), agent.id()));
    }

    public CompletableFuture<Ticket> assign(Agent to) {
        return change(t -> store.changes().assign(agent, t.id(), t.version(), to == null ? null : to.id()));
    }

    public CompletableFuture<Ticket> changeSeverity(Severity s) {
        return change(t -> store.changes().changeSeverity(agent, t.id(), t.version(), s));
    }

    public CompletableFuture<Ticket> changeLevel(SupportLevel level, String reason, String steps, String isolation) {
        return change(t -> store.changes().changeLevel(agent, t.id(), t.version(), level, reason, steps, isolation));
    }

    public CompletableFuture<Ticket> changeStatus(TicketStatus s) {
        return change(t -> store.changes().changeStatus(agent, t.id(), t.version(), s));
    }

    /** Notes carry no version (they change nothing), but an empty one is refused. */
    public CompletableFuture<Ticket> addNote(String text) {
        return change(t -> store.changes().addNote(agent, t.id(), text));
    }

    /** Opens a new ticket as this agent; the board selects it. */
    public CompletableFuture<Ticket> create(NewTicket n) {
        return executor.supply(() -> store.changes().create(agent, n)).thenApply(t -> {
            onChanged.accept(t);
            return t;
        });
    }

    /** Agents who may be assigned the ticket at hand (cleared staff only for a sensitive ticket). */
    public CompletableFuture<List<Agent>> assignable() {
        Ticket t = ticket.get();
        boolean sensitive = t != null && t.sensitive();
        return executor.supply(() -> store.agents().active().stream().filter(a -> !sensitive || a.cleared()).toList());
    }

    /** Saves an attachment where the agent chooses; it is never opened. */
    public CompletableFuture<Optional<Path>> saveAttachment(AttachmentInfo a) {
        Optional<Path> where = dialogs.askSaveLocation("Save attachment", a.filename());
        if (where.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Path path = where.get();
        return executor.supply(() -> {
            try (OutputStream out = Files.newOutputStream(path)) {
                store.conversation().saveAttachment(agent, a.id(), out, view);
            }
            return Optional.of(path);
        }).whenComplete((p, err) -> {
            if (err != null) {
                dialogs.showError("Could not save the attachment", Errors.plain(err, path));
            }
        });
    }

    @FunctionalInterface
    private interface Change {
        Ticket apply(Ticket current) throws Exception;
    }

    private CompletableFuture<Ticket> change(Change work) {
        Ticket t = ticket.get();
        if (t == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Select a ticket first."));
        }
        busy.set(true);
        Callable<Ticket> call = () -> work.apply(t);
        return executor.supply(call).handle((fresh, err) -> {
            busy.set(false);
            if (err != null) {
                Throwable cause = unwrap(err);
                if (cause instanceof StoreException.ConcurrentChange) {
                    conflict.set(conflictText(cause.getMessage()));
                }
                throw err instanceof CompletionException ce ? ce : new CompletionException(cause);
            }
            conflict.set("");
            onChanged.accept(fresh);
            show(fresh);
            return fresh;
        });
    }

    /** "SD-12 was changed by X at T; reload" → "… — reload to see it; what you typed is kept." */
    static String conflictText(String storeMessage) {
        String m = storeMessage == null ? "" : storeMessage.strip();
        if (m.endsWith("; reload")) {
            m = m.substring(0, m.length() - "; reload".length());
        }
        return m + " \u2014 reload to see the change; what you typed is kept.";
    }

    static Throwable unwrap(Throwable err) {
        Throwable t = err;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---------------------------------------------------------------- accessors

    public ReadOnlyObjectProperty<Ticket> ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    public ObservableList<Entry> conversation() {
        return conversation;
    }

    public ObservableList<TicketEvent> history() {
        return history;
    }

    public ObservableList<AttachmentInfo> attachments() {
        return attachments;
    }

    public ReadOnlyStringProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownTextProperty() {
        return countdownText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Countdown.Tone> countdownToneProperty() {
        return countdownTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockDetailProperty() {
        return clockDetail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Agent agent() {
        return agent;
    }

    public Store store() {
        return store;
    }

    public Countdown formatter() {
        return fmt;
    }
}
