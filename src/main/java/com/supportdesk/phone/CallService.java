package com.supportdesk.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.CallRepository.CallDraft;
import com.supportdesk.store.CallRepository.CallEntry;
import com.supportdesk.store.CallRepository.StoredDraft;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TicketRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Logging telephone calls: autosaved drafts while the call is in progress, and the finished call on its
 * ticket in one transaction.
 *
 * <p>Response clock (docs/response-clock.md): a call with the customer on an <em>existing</em> ticket, inbound
 * or outbound, is customer contact; it stops the clock if it is the ticket's first contact, at the
 * <em>call's start</em> — the moment the desk was talking to the customer, so a long call never pushes the
 * contact past its deadline (and never before the ticket was received). An inbound call that opens a new
 * ticket is the request itself, not a response: that ticket's clock keeps running.
 */
public final class CallService {

    /** What logging the call did. {@code ticket} is as the operator may see it (a placeholder if sensitive and uncleared). */
    public record CallOutcome(long callId, Ticket ticket, boolean ticketCreated, boolean stoppedClock,
                              Duration duration) {
    }

    private final Store store;

    public CallService(Store store) {
        this.store = store;
    }

    /** Saves the call in progress as a draft (its form state in {@code state}) and returns the draft's id. */
    public long autosave(Agent operator, Long draftId, CallForm form, String state) {
        Long ticketId = form.newTicket() ? null : form.ticketId();
        return store.calls().saveDraft(operator, draftId, new CallDraft(form.direction(), form.started(), ticketId,
                form.contactId(), form.notes(), state));
    }

    /** The operator's unfinished calls (left by a crash or a closed window), newest first. */
    public List<StoredDraft> drafts(Agent operator) {
        return store.calls().drafts(operator);
    }

    public boolean discard(Agent operator, long draftId) {
        return store.calls().discardDraft(operator, draftId);
    }

    /**
     * Ends the call at {@code ended}: opens the ticket or checks the existing one may be written, stores the
     * call (the draft becomes the final row), adds a CALL_LOGGED history entry and, on an existing ticket,
     * records the contact. All or nothing.
     */
    public CallOutcome finish(Agent operator, Long draftId, CallForm form, Instant ended) {
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new StoreException.Invalid(problems.get(0));
        }
        Instant end = ended.isBefore(form.started()) ? form.started() : ended;
        String notes = form.notes().strip();
        TicketRepository tickets = store.tickets();
        return store.database().inTx(tx -> {
            long ticketId;
            if (form.newTicket()) {
                NewTicket n = NewTicket.of(form.subject().strip(), form.severity(), Channel.PHONE, form.started())
                        .withCustomer(form.customerId(), form.contactId())
                        .withBody(notes.isEmpty() ? null : notes)
                        .withLevel(form.level())
                        .withClassification(form.classification());
                ticketId = store.changes().insert(tx, operator, n);
            } else {
                ticketId = form.ticketId();
                Ticket t = tickets.load(tx, ticketId);
                store.changes().requireWrite(tx, operator, t);
                if (form.sensitive() && !t.sensitive()) {
                    store.changes().classify(operator, ticketId, t.version(), Classification.OFFICIAL_SENSITIVE,
                            "marked during a phone call");
                }
            }
            long callId = store.calls().log(tx, operator, draftId,
                    new CallEntry(ticketId, form.contactId(), form.direction(), form.started(), end, notes));
            Duration duration = Duration.between(form.started(), end);
            store.history().event(tx, ticketId, operator, EventKind.CALL_LOGGED, describe(form, duration, operator));
            boolean stopped = false;
            if (!form.newTicket()) {
                Ticket t = tickets.load(tx, ticketId);
                Instant contactAt = form.started().isBefore(t.received()) ? t.received() : form.started();
                stopped = store.changes().recordContact(tx, operator, ticketId, contactAt, ContactEvent.PHONE_CALL);
            }
            Ticket after = AccessPolicy.lens(operator, tickets.load(tx, ticketId));
            return new CallOutcome(callId, after, form.newTicket(), stopped, duration);
        });
    }

    private String describe(CallForm form, Duration duration, Agent operator) {
        String who = form.contactId() == null ? "an unlisted number"
                : store.contacts().byId(form.contactId()).map(Contact::name).orElse("contact " + form.contactId());
        String kind = form.direction() == CallDirection.INBOUND ? "Inbound call from " : "Outbound call to ";
        return kind + who + " (" + CallTiming.describe(duration) + "), logged by " + operator.displayName()
                + (form.newTicket() ? "; opened this ticket" : "");
    }
}
