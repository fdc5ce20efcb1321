package com.supportdesk.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Tx;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TicketRepository;
import com.supportdesk.store.Conversation.NewMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Chat transcripts into the store: a new ticket (received = the first line's time, channel CHAT) or a
 * message on an existing ticket; either way the transcript is one {@link MessageKind#CHAT} entry.
 *
 * <p>A line written by the desk (an agent's display name or user name, or a participant the operator marks
 * as the desk) is a chat reply: the first such line at or after the ticket's received instant is customer
 * contact and stops the response clock ({@link ContactEvent#CHAT_REPLY}) if it is the first contact. Unlike
 * a phone call that opens a ticket, a transcript records the desk's written replies with their own times,
 * so this holds for a ticket the transcript opens too.
 */
public final class ChatImporter {

    /** The new ticket's fields (customer and contact may be null). */
    public record ChatTicket(String subject, Severity severity, SupportLevel level, Long customerId, Long contactId,
                             boolean sensitive) {
        public ChatTicket {
            Objects.requireNonNull(severity, "severity");
            level = level == null ? SupportLevel.L1 : level;
        }
    }

    /** What the import did. {@code ticket} as the agent may see it. */
    public record ChatOutcome(Ticket ticket, boolean ticketCreated, long messageId, Instant received,
                              Instant firstReply, boolean stoppedClock) {
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final Store store;

    public ChatImporter(Store store) {
        this.store = store;
    }

    /** Every agent's display name and user name: the names that mark a transcript line as the desk's. */
    public Set<String> agentNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Agent a : store.agents().all()) {
            names.add(a.displayName());
            names.add(a.username());
        }
        return names;
    }

    /** Refuses a transcript that starts in the future (a time of day pasted without its date). */
    public static Optional<String> problem(Transcript t, ZoneId zone, Instant now) {
        Instant first = t.received(zone);
        if (first.isAfter(now.plusSeconds(60))) {
            return Optional.of("The first line (" + t.first().at().toLocalDate() + " " + HH_MM.format(t.first().at())
                    + ") is in the future: add the chat's date as the first line, e.g. "
                    + now.atZone(zone).toLocalDate().minusDays(1) + ".");
        }
        return Optional.empty();
    }

    public ChatOutcome importAsNewTicket(Agent agent, Transcript t, ZoneId zone, Collection<String> desk, ChatTicket spec) {
        check(agent, t, zone);
        Set<String> deskNames = Set.copyOf(desk);
        Instant received = t.received(zone);
        String subject = spec.subject() == null || spec.subject().isBlank() ? t.suggestedSubject(deskNames)
                : spec.subject().strip();
        boolean sensitive = spec.sensitive() || t.markedSensitive() || Markings.marksSensitive(subject);
        TicketRepository tickets = store.tickets();
        return store.database().inTx(tx -> {
            NewTicket n = NewTicket.of(subject, spec.severity(), Channel.CHAT, received)
                    .withCustomer(spec.customerId(), spec.contactId()).withLevel(spec.level())
                    .withClassification(sensitive ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL);
            long id = store.changes().insert(tx, agent, n);
            return log(tx, agent, id, t, zone, deskNames, true);
        });
    }

    public ChatOutcome importIntoTicket(Agent agent, Transcript t, ZoneId zone, Collection<String> desk, long ticketId,
                                        boolean markSensitive) {
        check(agent, t, zone);
        Set<String> deskNames = Set.copyOf(desk);
        TicketRepository tickets = store.tickets();
        return store.database().inTx(tx -> {
            Ticket ticket = tickets.load(tx, ticketId);
            store.changes().requireWrite(tx, agent, ticket);
            if ((markSensitive || t.markedSensitive()) && !ticket.sensitive()) {
                store.changes().classify(agent, ticketId, ticket.version(), Classification.OFFICIAL_SENSITIVE,
                        "marked in a chat transcript");
            }
            return log(tx, agent, ticketId, t, zone, deskNames, false);
        });
    }

    private void check(Agent agent, Transcript t, ZoneId zone) {
        if (agent == null || agent == AccessPolicy.NOBODY) {
            throw new StoreException.AccessDenied("Sign in to log chats.");
        }
        Optional<String> p = problem(t, zone, store.database().clock().instant());
        if (p.isPresent()) {
            throw new StoreException.Invalid(p.get());
        }
    }

    private ChatOutcome log(Tx tx, Agent agent, long ticketId, Transcript t, ZoneId zone, Set<String> desk,
                            boolean created) {
        TicketRepository tickets = store.tickets();
        Ticket ticket = tickets.load(tx, ticketId);
        List<String> customers = new ArrayList<>(t.participants());
        Set<String> deskParticipants = t.deskParticipants(desk);
        customers.removeAll(deskParticipants);
        Instant first = t.received(zone);
        long messageId = store.conversation().addMessage(tx, ticketId, new NewMessage(MessageKind.CHAT, Direction.IN, null, null, null,
                String.join(", ", customers), String.join(", ", deskParticipants), "Chat transcript", first, t.text(),
                agent.id()));
        Optional<Transcript.Line> reply = t.firstDeskLine(desk, zone, ticket.received());
        store.history().event(tx, ticketId, agent, EventKind.CHAT_LOGGED, "Chat transcript (" + t.lines().size() + " lines, "
                + HH_MM.format(t.first().at()) + "\u2013" + HH_MM.format(t.last().at()) + ")"
                + (customers.isEmpty() ? "" : " with " + String.join(", ", customers)) + " logged by " + agent.displayName()
                + (reply.isEmpty() ? "; no reply by the desk in it" : ""));
        boolean stopped = false;
        Instant replyAt = null;
        if (reply.isPresent()) {
            replyAt = reply.get().instant(zone);
            stopped = store.changes().recordContact(tx, agent, ticketId, replyAt, ContactEvent.CHAT_REPLY);
        }
        Ticket after = AccessPolicy.lens(agent, tickets.load(tx, ticketId));
        return new ChatOutcome(after, created, messageId, first, replyAt, stopped);
    }
}
