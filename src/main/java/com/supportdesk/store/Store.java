package com.supportdesk.store;

import java.time.Clock;
import java.time.ZoneId;

/** The store: one database and its repositories, built once by the application's wiring. */
public final class Store implements AutoCloseable {

    private final Database db;
    private final AgentRepository agents;
    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final PolicyRepository policy;
    private final AuditRepository audit;
    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final Conversation conversation;
    private final TicketHistory history;
    private final Backups backups;
    private final MailboxRepository mailbox;
    private final TrainingRepository training;
    private final OutageRepository outages;
    private final CallRepository calls;
    private final SettingsRepository settings;
    private final SavedReplyRepository savedReplies;

    public Store(Database db, Passwords passwords, ZoneId displayZone) {
        this.db = db;
        this.agents = new AgentRepository(db, passwords);
        this.customers = new CustomerRepository(db);
        this.settings = new SettingsRepository(db);
        this.contacts = new ContactRepository(db, settings);
        this.policy = new PolicyRepository(db);
        this.audit = new AuditRepository(db);
        this.tickets = new TicketRepository(db, policy, audit, displayZone);
        this.history = new TicketHistory(db, tickets);
        this.conversation = new Conversation(db, tickets, audit);
        this.changes = new TicketChanges(db, policy, tickets, history, conversation, displayZone);
        policy.recomputeWith(changes);
        this.backups = new Backups(db);
        this.mailbox = new MailboxRepository(db, audit);
        this.training = new TrainingRepository(db);
        this.outages = new OutageRepository(db);
        this.calls = new CallRepository(db, tickets, audit);
        this.savedReplies = new SavedReplyRepository(db);
    }

    /** Opens the database at the location (migrating it) with the standard password hashing. */
    public static Store open(DataLocation location, Clock clock) {
        return new Store(Database.open(location, clock), new Passwords(), ZoneId.systemDefault());
    }

    public Database database() {
        return db;
    }

    public AgentRepository agents() {
        return agents;
    }

    public CustomerRepository customers() {
        return customers;
    }

    public ContactRepository contacts() {
        return contacts;
    }

    public PolicyRepository policy() {
        return policy;
    }

    public AuditRepository audit() {
        return audit;
    }

    /** Tickets as an agent may see them: board, search, exports, reports. */
    public TicketRepository tickets() {
        return tickets;
    }

    /** Every change of a ticket, with its rules and history. */
    public TicketChanges changes() {
        return changes;
    }

    /** Tickets' conversations: messages, raw mail, attachments, threading. */
    public Conversation conversation() {
        return conversation;
    }

    /** Tickets' history and the change feed. */
    public TicketHistory history() {
        return history;
    }

    public MailboxRepository mailbox() {
        return mailbox;
    }

    public TrainingRepository training() {
        return training;
    }

    public OutageRepository outages() {
        return outages;
    }

    public CallRepository calls() {
        return calls;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** Saved replies and signatures (issue 18). */
    public SavedReplyRepository savedReplies() {
        return savedReplies;
    }

    public Backups backups() {
        return backups;
    }

    @Override
    public void close() {
        db.close();
    }
}
