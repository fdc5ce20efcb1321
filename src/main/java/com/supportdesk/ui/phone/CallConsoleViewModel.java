package com.supportdesk.ui.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.CallForm;
import com.supportdesk.phone.CallService.CallOutcome;
import com.supportdesk.phone.CallService;
import com.supportdesk.phone.CallTiming;
import com.supportdesk.phone.CallerLines;
import com.supportdesk.phone.DraftState;
import com.supportdesk.phone.IncomingCall;
import com.supportdesk.phone.PolicyHints;
import com.supportdesk.sla.BusinessCalendar;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.store.CallRepository.StoredDraft;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Errors;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The call console's state and actions; holds no Nodes. The call starts when this is constructed (the
 * console opening), read from the injected clock. While the call runs, a ticker refreshes the timer every
 * second and autosaves the notes and form as a draft every few seconds, so a crash mid-call loses neither.
 *
 * <p>Store writes (autosave, logging, discarding) run in the background one at a time under a lock, and the
 * draft id lives in an atomic so a write always sees the draft the previous one created.
 */
public final class CallConsoleViewModel {

    /** Whether the call opens a new ticket or is logged on an existing one. */
    public enum Target { NEW_TICKET, EXISTING_TICKET }

    /** The title of the console's dialogs. */
    static final String DIALOG_TITLE = "Call console";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK);
    private static final int CALLER_TICKETS = CallerLines.OPEN_TICKETS;

    private final PhoneContext ctx;
    private final Store store;
    private final CallService calls;
    private final Agent operator;
    private final DialogService dialogs;
    private final Long fromTicketId;
    private final IncomingCall incoming;
    private final CallerLookup lookup;

    private final ReadOnlyObjectWrapper<Instant> started = new ReadOnlyObjectWrapper<>(this, "started");
    private final ReadOnlyObjectWrapper<CallDirection> direction = new ReadOnlyObjectWrapper<>(this, "direction");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "00:00");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ObservableList<Ticket> callerTickets = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.NEW_TICKET);
    private final ObjectProperty<Ticket> ticket = new SimpleObjectProperty<>(this, "ticket");
    private final TicketFields fields = new TicketFields(this::revalidate);
    private final BooleanProperty technical = new SimpleBooleanProperty(this, "technical", true);
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper(this, "waiting", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed", false);

    private final NewCallerForm newCaller;
    private final DraftRecovery drafts;

    private final Object writeLock = new Object();
    private final AtomicReference<Long> draftId = new AtomicReference<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final List<Runnable> stops = new ArrayList<>();
    private ResponseClock policyClock;
    private Instant ended;
    private boolean attempted;
    private boolean autosaving;
    private boolean resumed;
    private String lastSaved;
    private Consumer<CallOutcome> onLogged = o -> { };

    /**
     * @param fromTicketId the ticket an outbound call is made from, or null for an inbound call
     */
    public CallConsoleViewModel(PhoneContext ctx, Agent operator, Long fromTicketId, DialogService dialogs) {
        this(ctx, operator, fromTicketId, null, dialogs);
    }

    /**
     * An inbound call a softphone reported ({@code support-desk call --from}): the call started when it came in, not
     * when the console opened, and the caller is looked up by its number at once (picked when the whole number is
     * one contact's).
     */
    public CallConsoleViewModel(PhoneContext ctx, Agent operator, IncomingCall incoming, DialogService dialogs) {
        this(ctx, operator, null, incoming, dialogs);
    }

    private CallConsoleViewModel(PhoneContext ctx, Agent operator, Long fromTicketId, IncomingCall incoming,
                                 DialogService dialogs) {
        this.ctx = ctx;
        this.store = ctx.store();
        this.calls = new CallService(store);
        this.operator = operator;
        this.dialogs = dialogs;
        this.fromTicketId = fromTicketId;
        this.incoming = incoming;
        this.started.set(incoming != null ? incoming.at() : ctx.clock().instant());
        this.direction.set(fromTicketId == null ? CallDirection.INBOUND : CallDirection.OUTBOUND);
        this.lookup = new CallerLookup(store, ctx.executor());
        this.newCaller = new NewCallerForm(store, operator, ctx.executor());
        this.drafts = new DraftRecovery(store, calls, operator, ctx.zone(), ctx.executor(), dialogs, this::failed);
        lookup.setOnError(this::failed);
        if (fromTicketId != null) {
            target.set(Target.EXISTING_TICKET);
        }
        heading.set(incoming != null ? inboundHeading() : fromTicketId == null ? "Inbound call"
                : "Outbound call on " + Ticket.ref(fromTicketId));
        lookup.callerProperty().addListener((obs, old, now) -> {
            loadCallerTickets(now);
            refreshHint();
            revalidate();
        });
        technical.addListener((obs, old, now) -> refreshHint());
        started.addListener((obs, old, now) -> {
            refreshHint();
            tick();
        });
        target.addListener((obs, old, now) -> revalidate());
        ticket.addListener((obs, old, now) -> revalidate());
    }

    /** Starts the timer and the autosave, and loads what the console shows (policy, customers, drafts). */
    public void start() {
        stops.add(ctx.timer().every(Duration.ofSeconds(1), this::tick));
        stops.add(ctx.timer().every(ctx.autosaveEvery(), this::autosave));
        BackgroundTask.wrap(() -> store.policy().clock()).onSuccess(c -> {
            policyClock = c;
            refreshHint();
        }).onFailure(this::failed).executeWith(ctx.executor());
        newCaller.loadCustomers().exceptionally(e -> {
            failed(e);
            return null;
        });
        if (fromTicketId != null) {
            BackgroundTask.wrap(() -> store.tickets().get(operator, fromTicketId)).onSuccess(t -> {
                if (resumed) {
                    return; // a resumed draft decided what this call is
                }
                ticket.set(t);
                heading.set("Outbound call on " + t.ref() + " \u00b7 " + t.subject());
                if (lookup.caller() == null) {
                    lookup.restore(t.contactId(), () -> { });
                }
            }).onFailure(this::failed).executeWith(ctx.executor());
        }
        if (incoming != null) {
            // the phone is ringing: the caller first; an unfinished call's draft is offered at the next Ctrl+L
            if (incoming.lookupable()) {
                lookup.lookUpCaller(incoming);
            }
            return;
        }
        drafts.offer(draftId::get, this::resume);
    }

    private String inboundHeading() {
        return "Inbound call from " + incoming.describe();
    }

    /** The call a softphone reported, or null when the operator opened the console. */
    public IncomingCall incoming() {
        return incoming;
    }

    /** Another call came in while this one runs: the status line says so (it opens when this call ends). */
    public void callWaiting(IncomingCall other, int count) {
        waiting.set("Call waiting: " + other.describe() + " at " + TIME.withZone(ctx.zone()).format(other.at())
                + (count > 1 ? " (" + count + " calls waiting)" : "") + " — it opens when this call is logged");
    }

    /** What the timer counts from, for its tooltip. */
    public String timerHint() {
        return incoming != null ? "Call time, counted from when the call came in"
                : "Call time, counted from when the console opened";
    }

    /** Stops the timer and autosave without touching the store (the window went away). */
    public void dispose() {
        stops.forEach(Runnable::run);
        stops.clear();
    }

    // ---------------------------------------------------------------- properties

    public CallerLookup lookup() {
        return lookup;
    }

    public ReadOnlyObjectProperty<Instant> startedProperty() {
        return started.getReadOnlyProperty();
    }

    public Instant started() {
        return started.get();
    }

    public ReadOnlyObjectProperty<CallDirection> directionProperty() {
        return direction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public String startedText() {
        return "Started " + TIME.withZone(ctx.zone()).format(started.get());
    }

    /** An outbound call is logged on the ticket it was made from; only an inbound call chooses. */
    public boolean targetFixed() {
        return direction.get() == CallDirection.OUTBOUND;
    }

    public ObservableList<Ticket> callerTickets() {
        return callerTickets;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObjectProperty<Ticket> ticketProperty() {
        return ticket;
    }

    /** Subject, severity, level and OFFICIAL-SENSITIVE of the ticket the call opens (sensitive also marks an existing one). */
    public TicketFields fields() {
        return fields;
    }

    public BooleanProperty technicalProperty() {
        return technical;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** The policy notice for this call, or empty. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** What stops the call being saved (after a first attempt), or empty. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Calls waiting behind this one, or empty. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Becomes true when the call was logged or discarded: the view closes. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** The "new caller" form (Add caller…). */
    public NewCallerForm newCaller() {
        return newCaller;
    }

    public Optional<Long> draftId() {
        return Optional.ofNullable(draftId.get());
    }

    public void setOnLogged(Consumer<CallOutcome> listener) {
        onLogged = listener == null ? o -> { } : listener;
    }

    // ---------------------------------------------------------------- actions

    /** Refreshes the timer text; frozen once the call has ended. */
    public void tick() {
        Instant until = ended != null ? ended : ctx.clock().instant();
        elapsed.set(CallTiming.format(CallTiming.elapsed(started.get(), until)));
    }

    /** Picks the caller (Enter in the lookup picks the first match). */
    public void chooseCaller(ContactMatch match) {
        lookup.choose(match);
        newCaller.close();
    }

    /** Opens the "new caller" form, filled from what was typed in the lookup. */
    public void startAddingCaller() {
        newCaller.open(lookup.queryProperty().get());
    }

    /** Adds the unknown caller as a contact and chooses them. */
    public void addCaller() {
        Optional<String> problem = newCaller.problem();
        if (problem.isPresent()) {
            problems.set(problem.get());
            return;
        }
        busy.set(true);
        newCaller.add().whenComplete((caller, e) -> {
            busy.set(false);
            if (e != null) {
                failed(e);
                return;
            }
            chooseCaller(caller);
            status.set("Added " + caller.contact().name() + " as a new contact");
        });
    }

    /** The form as the store takes it. */
    public CallForm form() {
        ContactMatch c = lookup.caller();
        boolean isNew = target.get() == Target.NEW_TICKET && !targetFixed();
        Ticket t = ticket.get();
        return new CallForm(direction.get(), started.get(), c == null ? null : c.contact().id(),
                c == null ? null : c.contact().customerId(), isNew, isNew || t == null ? null : t.id(), fields.subjectProperty().get(),
                fields.severityProperty().get(), fields.levelProperty().get(), technical.get(), fields.sensitiveProperty().get(), notes.get());
    }

    /** The form state stored with the draft (the notes go in their own column). */
    String state() {
        Ticket t = ticket.get();
        return new DraftState().put("target", target.get()).put("ticket", t == null ? null : t.id())
                .put("subject", fields.subjectProperty().get()).put("severity", fields.severityProperty().get()).put("level", fields.levelProperty().get())
                .put("technical", technical.get()).put("sensitive", fields.sensitiveProperty().get())
                .put("query", lookup.queryProperty().get()).encode();
    }

    /** Saves the call as a draft if anything changed since the last save (the first tick always saves). */
    public void autosave() {
        if (finished.get() || busy.get() || autosaving) {
            return;
        }
        CallForm f = form();
        String state = state();
        String fingerprint = state + "\u0000" + f.notes() + "\u0000" + f.contactId() + "\u0000" + f.started();
        if (fingerprint.equals(lastSaved) && draftId.get() != null) {
            return;
        }
        autosaving = true;
        BackgroundTask.wrap(() -> {
            synchronized (writeLock) {
                if (finished.get()) {
                    return null;
                }
                long id = calls.autosave(operator, draftId.get(), f, state);
                draftId.set(id);
                return ctx.clock().instant();
            }
        }).onSuccess(at -> {
            autosaving = false;
            if (at != null) {
                lastSaved = fingerprint;
                status.set("Draft saved " + TIME.withZone(ctx.zone()).format(at));
            }
        }).onFailure(e -> {
            autosaving = false;
            status.set("Could not autosave: " + e.getMessage());
        }).executeWith(ctx.executor());
    }

    /**
     * Ends the call and logs it (Enter). Returns false, with the reasons in {@link #problemsProperty()}, when
     * the form is incomplete.
     */
    public boolean save() {
        if (busy.get() || closed.get()) {
            return false;
        }
        attempted = true;
        CallForm f = form();
        List<String> p = f.problems();
        problems.set(String.join("\n", p));
        if (!p.isEmpty()) {
            return false;
        }
        Instant end = ctx.clock().instant();
        ended = end;
        tick();
        busy.set(true);
        status.set("Saving\u2026");
        BackgroundTask.wrap(() -> {
            synchronized (writeLock) {
                finished.set(true);
                try {
                    return calls.finish(operator, draftId.get(), f, end);
                } catch (RuntimeException e) {
                    finished.set(false);
                    throw e;
                }
            }
        }).onSuccess(outcome -> {
            busy.set(false);
            dispose();
            status.set("Logged on " + outcome.ticket().ref() + (outcome.ticketCreated() ? " (new ticket)" : "")
                    + (outcome.stoppedClock() ? "; the response clock stopped" : ""));
            closed.set(true);
            onLogged.accept(outcome);
        }).onFailure(e -> {
            busy.set(false);
            ended = null;
            status.set("");
            failed(e);
        }).executeWith(ctx.executor());
        return true;
    }

    /** Esc: asks, then throws the call away (the draft is deleted). Returns whether it was discarded. */
    public boolean discard() {
        if (closed.get()) {
            return true;
        }
        if (!dialogs.confirmDiscard("Discard?", "Discard this call? Its notes and the call record will be deleted.")) {
            return false;
        }
        finished.set(true);
        dispose();
        busy.set(true);
        BackgroundTask.wrap(() -> {
            synchronized (writeLock) {
                Long id = draftId.getAndSet(null);
                return id != null && calls.discard(operator, id);
            }
        }).onSuccess(done -> {
            busy.set(false);
            closed.set(true);
        }).onFailure(e -> {
            busy.set(false);
            closed.set(true);
            failed(e);
        }).executeWith(ctx.executor());
        return true;
    }

    // ---------------------------------------------------------------- drafts left by a crash (see DraftRecovery)

    /** Continues a draft: its start time, caller, ticket, form and notes come back; the timer runs on from its start. */
    public void resume(StoredDraft d) {
        DraftState s = DraftState.decode(d.draft().state());
        resumed = true;
        started.set(d.draft().started());
        direction.set(d.draft().direction());
        notes.set(d.draft().notes() == null ? "" : d.draft().notes());
        fields.subjectProperty().set(s.text("subject"));
        fields.severityProperty().set(s.enumValue("severity", Severity.class, null));
        fields.levelProperty().set(s.enumValue("level", SupportLevel.class, SupportLevel.L1));
        technical.set(s.flag("technical", true));
        fields.sensitiveProperty().set(s.flag("sensitive", false));
        Long ticketId = d.draft().ticketId() != null ? d.draft().ticketId() : s.longValue("ticket");
        target.set(targetFixed() ? Target.EXISTING_TICKET
                : s.enumValue("target", Target.class, ticketId == null ? Target.NEW_TICKET : Target.EXISTING_TICKET));
        String query = s.text("query");
        lastSaved = null;
        BackgroundTask.wrap(() -> {
            synchronized (writeLock) {
                Long mine = draftId.getAndSet(d.id());
                if (mine != null && mine != d.id()) {
                    calls.discard(operator, mine);
                }
                return ticketId == null ? Optional.<Ticket>empty() : store.tickets().find(operator, ticketId);
            }
        }).onSuccess(t -> {
            t.ifPresent(x -> {
                ticket.set(x);
                if (direction.get() == CallDirection.OUTBOUND) {
                    heading.set("Outbound call on " + x.ref() + " \u00b7 " + x.subject());
                }
            });
            lookup.restore(d.draft().contactId(), () -> {
                if (lookup.caller() == null && !query.isBlank()) {
                    lookup.queryProperty().set(query);
                }
            });
        }).onFailure(this::failed).executeWith(ctx.executor());
        if (direction.get() == CallDirection.INBOUND) {
            heading.set(incoming != null ? inboundHeading() : "Inbound call");
        }
        status.set("Resumed the call started " + TIME.withZone(ctx.zone()).format(d.draft().started()));
    }

    // ---------------------------------------------------------------- internals

    private void loadCallerTickets(ContactMatch caller) {
        if (caller == null) {
            callerTickets.clear();
            return;
        }
        Long contactId = caller.contact().id();
        Long customerId = caller.contact().customerId();
        BackgroundTask.wrap(() -> store.calls().openTicketsForCaller(operator, contactId, customerId, CALLER_TICKETS)).onSuccess(list -> {
                    if (lookup.caller() == caller) {
                        Ticket chosen = ticket.get();
                        callerTickets.setAll(list);
                        if (chosen != null && !targetFixed()) {
                            callerTickets.stream().filter(x -> x.id() == chosen.id()).findFirst().ifPresent(ticket::set);
                        }
                    }
                }).onFailure(this::failed).executeWith(ctx.executor());
    }

    private void refreshHint() {
        if (policyClock == null) {
            return;
        }
        Instant at = started.get();
        BusinessCalendar cal = policyClock.policy().calendarAt(at);
        ContactMatch c = lookup.caller();
        hint.set(PolicyHints.forCall(c == null ? null : c.contact().role(), technical.get(), cal.isOpen(at), cal.spec())
                .map(PolicyHints.Hint::text).orElse(""));
    }

    private void revalidate() {
        if (attempted) {
            problems.set(String.join("\n", form().problems()));
        }
    }

    private void failed(Throwable e) {
        dialogs.showError(DIALOG_TITLE, Errors.plain(e));
    }
}
