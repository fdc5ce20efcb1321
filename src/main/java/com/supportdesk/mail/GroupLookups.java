package com.supportdesk.mail;

import com.supportdesk.domain.Contact;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.ContactRepository;
import com.supportdesk.store.Conversation.SenderOf;
import com.supportdesk.store.MailboxRepository;
import com.supportdesk.store.MailboxRepository.KeyRow;
import com.supportdesk.store.MailboxRepository.StoredMail;
import com.supportdesk.store.Store;
import com.supportdesk.store.TicketRepository;
import com.supportdesk.store.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one attempt of a group's transaction reads once for all its messages (issue 17: a query each per group instead
 * of one per message): which of the group's keys (Message-IDs, content ids) are stored already (the duplicate check),
 * which tickets hold the Message-IDs its messages refer to and the tickets their subject tags name (threading), which
 * of its senders are contacts, and which senders are known to the tickets they write to. Each message consults this
 * instead of the database, and what a message writes is recorded here as it is written, so a later message of the same
 * group sees it exactly as the per-message queries would: a reply threads onto a ticket opened earlier in the group,
 * a second message from a new sender finds the contact the first created, the same message twice is a duplicate.
 *
 * <p>The answers are the store's own (the same tables, or on a team database the same views and {@code sd.sender_known},
 * as the session's login sees them); anything not read up front (a ticket the group opened or changed, a sender asked
 * about a ticket no message was expected to reach) is asked of the store per message, as before. An instance belongs to
 * one attempt of one transaction: a retry after a rollback reads afresh ({@link #read}).
 */
final class GroupLookups {

    /** What one message of a group will ask about. */
    record Wants(Collection<String> keys, List<String> threadingIds, long taggedTicket, String sender) {
    }

    private final Store store;
    private final Tx tx;
    /** Keys (and threading Message-IDs) read up front; for each, the rows stored under it (message first). */
    private final Map<String, List<StoredMail>> stored = new HashMap<>();
    /** Tickets read up front or since, by id; empty: no such ticket (or not one this login may see). */
    private final Map<Long, Optional<Ticket>> tickets = new HashMap<>();
    /** Contacts by {@link ContactRepository#emailKey}, read up front or created since; empty: none has the address. */
    private final Map<String, Optional<Contact>> contacts = new HashMap<>();
    /** Senders read up front, known to their ticket or not. */
    private final Map<SenderOf, Boolean> known = new HashMap<>();

    private GroupLookups(Store store, Tx tx) {
        this.store = store;
        this.tx = tx;
    }

    /** Nothing read up front: every question goes to the store (one message outside a group). */
    static GroupLookups none(Store store, Tx tx) {
        return new GroupLookups(store, tx);
    }

    /**
     * Reads what the group's messages want, in at most four statements whatever their number: the stored keys with
     * the Message-IDs they refer to, the tickets those and the subject tags name, the senders' contacts, and whether
     * each sender is known to the ticket its message is expected to reach.
     */
    static GroupLookups read(Store store, Tx tx, List<Wants> group) {
        GroupLookups l = new GroupLookups(store, tx);
        Set<String> keys = new LinkedHashSet<>();
        Set<String> senders = new LinkedHashSet<>();
        for (Wants w : group) {
            keys.addAll(w.keys());
            keys.addAll(threading(w.threadingIds()));
            if (w.sender() != null) {
                senders.add(ContactRepository.emailKey(w.sender()));
            }
        }
        for (String k : keys) {
            l.stored.put(k, new ArrayList<>(1));
        }
        for (KeyRow row : store.mailbox().storedUnder(tx, keys)) {
            List<StoredMail> rows = l.stored.get(row.key());
            if (rows != null) { // a key of another case or longer than the column matched nothing per message either
                rows.add(row.mail());
            }
        }
        Set<Long> ticketIds = new LinkedHashSet<>();
        for (Wants w : group) {
            if (w.taggedTicket() > 0) {
                ticketIds.add(w.taggedTicket());
            }
            l.threadedTicketId(w.threadingIds()).ifPresent(ticketIds::add);
        }
        Map<Long, Ticket> found = store.tickets().findAll(tx, ticketIds);
        for (Long id : ticketIds) {
            l.tickets.put(id, Optional.ofNullable(found.get(id)));
        }
        Map<String, Contact> byEmail = store.contacts().byEmails(tx, senders);
        for (String s : senders) {
            l.contacts.put(s, Optional.ofNullable(byEmail.get(s)));
        }
        Set<SenderOf> asked = new LinkedHashSet<>();
        for (Wants w : group) {
            if (w.sender() == null) {
                continue;
            }
            for (Optional<Long> id : List.of(Optional.of(w.taggedTicket()), l.threadedTicketId(w.threadingIds()))) {
                if (id.isPresent() && l.tickets.getOrDefault(id.get(), Optional.empty()).isPresent()) {
                    asked.add(new SenderOf(id.get(), senderKey(w.sender())));
                }
            }
        }
        Set<SenderOf> knownOnes = store.conversation().knownSenders(tx, asked);
        for (SenderOf s : asked) {
            l.known.put(s, knownOnes.contains(s));
        }
        return l;
    }

    // ------------------------------------------------------------------------------------------ duplicates

    /**
     * What is already stored under {@code key}, as {@code MailboxRepository.stored} answers: its conversation message,
     * else its first quarantine entry other than {@code excludeQuarantineId}.
     */
    Optional<StoredMail> stored(String key, Long excludeQuarantineId) {
        List<StoredMail> rows = stored.get(key);
        if (rows == null) {
            return store.mailbox().stored(tx, key, excludeQuarantineId);
        }
        return MailboxRepository.firstStored(rows, excludeQuarantineId);
    }

    /** A conversation message was just stored under {@code key} on {@code ticketId}. */
    void messageStored(String key, long rowId, long ticketId, String sha256) {
        List<StoredMail> rows = stored.get(MailboxRepository.storedKey(key));
        if (rows != null) {
            rows.add(0, new StoredMail(rowId, ticketId, null, sha256));
        }
    }

    /** A quarantine (or automated-mail log) entry was just stored under {@code key}. */
    void quarantined(String key, long id, String sha256) {
        List<StoredMail> rows = key == null ? null : stored.get(MailboxRepository.storedKey(key));
        if (rows != null) {
            rows.add(new StoredMail(null, null, id, sha256));
        }
    }

    // ------------------------------------------------------------------------------------------ threading

    /** The ticket with this id, as {@code TicketRepository.find} reads it. */
    Optional<Ticket> ticket(long id) {
        Optional<Ticket> t = tickets.get(id);
        if (t == null) {
            t = store.tickets().find(tx, id);
            tickets.put(id, t);
        }
        return t;
    }

    /**
     * The ticket holding the first of these Message-IDs that the desk sent or received, as
     * {@code TicketRepository.findByMessageIds} finds it.
     */
    Optional<Ticket> byMessageIds(List<String> ids) {
        List<String> wanted = threading(ids);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.keySet().containsAll(wanted)) {
            return store.tickets().findByMessageIds(tx, wanted);
        }
        Optional<Long> id = threadedTicketId(wanted);
        return id.isEmpty() ? Optional.empty() : ticket(id.get());
    }

    /** A ticket was opened or changed in this transaction: what was read about it before is read again when asked. */
    void changed(long ticketId) {
        tickets.remove(ticketId);
        known.keySet().removeIf(s -> s.ticketId() == ticketId);
    }

    /** The id of the ticket holding the first of these (blank-free, stripped) Message-IDs, among those read. */
    private Optional<Long> threadedTicketId(List<String> ids) {
        for (String id : threading(ids)) {
            List<StoredMail> rows = stored.get(id);
            if (rows != null && !rows.isEmpty() && rows.get(0).messageRowId() != null && rows.get(0).ticketId() != null) {
                return Optional.of(rows.get(0).ticketId());
            }
        }
        return Optional.empty();
    }

    /** Message-IDs as threading compares them ({@link TicketRepository#threadingIds}). */
    private static List<String> threading(List<String> ids) {
        return TicketRepository.threadingIds(ids);
    }

    // ------------------------------------------------------------------------------------------ senders

    /**
     * The contact for a sender's address, creating the unverified one for an unknown sender, as
     * {@code ContactRepository.findOrCreateByEmail} does (within this transaction).
     */
    Contact contact(String address, String displayName) {
        String key = ContactRepository.emailKey(address);
        Optional<Contact> c = contacts.get(key);
        if (c == null) {
            Contact found = store.contacts().findOrCreateByEmail(address, displayName);
            contacts.put(key, Optional.of(found));
            return found;
        }
        if (c.isPresent()) {
            return c.get();
        }
        Contact created = store.contacts().createForSender(tx, address, displayName);
        contacts.put(key, Optional.of(created));
        return created;
    }

    /** Whether the address is the ticket's contact's or a contact's of its customer, as {@code Conversation.knownSender}. */
    boolean knownSender(long ticketId, String address) {
        Boolean k = known.get(new SenderOf(ticketId, senderKey(address)));
        return k != null ? k : store.conversation().knownSender(tx, ticketId, address);
    }

    private static String senderKey(String address) {
        return ContactRepository.emailKey(address);
    }
}
