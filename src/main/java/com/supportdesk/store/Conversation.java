package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.AttachmentInfo;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.CallRecord;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.Ticket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's conversation: e-mails in and out (with their raw source and attachments), internal notes, chat
 * lines, acknowledgements and bounces; and the lookups threading needs (Message-IDs, the last inbound e-mail, known
 * senders). Reading an attachment of a sensitive ticket needs clearance and is audited first.
 */
public final class Conversation {

    private final Database db;
    private final TicketRepository tickets;
    private final AuditRepository audit;

    Conversation(Database db, TicketRepository tickets, AuditRepository audit) {
        this.db = db;
        this.tickets = tickets;
        this.audit = audit;
    }

    /** A new conversation entry (used by mail intake, replies, chat logging and notes). */
    public record NewMessage(MessageKind kind, Direction direction, String messageId, String inReplyTo,
                             String references, String from, String to, String subject, Instant at, String body,
                             Long authorAgentId) {
    }

    /**
     * An inbound e-mail's raw source as the intake stores it with the entry: the bytes (streamed, {@code length} of
     * them), their SHA-256 (the dedupe digest), and whether the sender is unknown to the ticket (see
     * {@code MailboxRepository.markUnknownSender}).
     */
    public record RawMail(InputStream content, long length, String sha256, boolean unknownSender) {
    }

    /** Adds a conversation entry and returns its id. */
    long addMessage(Connection c, long ticketId, NewMessage m) throws SQLException {
        return insert(c, ticketId, m, null);
    }

    /**
     * Adds an entry, with the raw source, its digest and the unknown-sender mark when {@code raw} is given: one
     * statement (issue 17: each further one is a round trip and, on a team database, a policy check).
     */
    private long insert(Connection c, long ticketId, NewMessage m, RawMail raw) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_COLUMNS + (raw == null ? "" : RAW_COLUMNS)
                + ") VALUES (?," + values(raw != null) + ")", Sql.ID)) {
            ps.setLong(1, ticketId);
            bind(ps, 2, m, raw);
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    private static final String INSERT_COLUMNS = "INSERT INTO message (ticket_id, kind, direction, message_id,"
            + " in_reply_to, references_ids, from_addr, to_addr, subject, sent_at, body, author_agent_id, created_at";
    private static final String RAW_COLUMNS = ", raw_source, raw_sha256, unknown_sender";

    /** The placeholders after ticket_id. */
    private static String values(boolean withRaw) {
        return withRaw ? "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?" : "?,?,?,?,?,?,?,?,?,?,?,?";
    }

    /**
     * The INSERT of an entry whose ticket_id is the id of the one row of {@code rowsNamed} (a preceding
     * {@code WITH rowsNamed AS (INSERT ... RETURNING id)}), returning the entry's ticket_id and id; its parameters are
     * bound by {@link #bind} from the first one after the WITH part's.
     */
    static String insertForNewTicket(String rowsNamed, boolean withRaw) {
        return INSERT_COLUMNS + (withRaw ? RAW_COLUMNS : "") + ") SELECT id," + values(withRaw)
                + " FROM " + rowsNamed + " RETURNING ticket_id, id";
    }

    /** Binds an entry's values after its ticket_id, from parameter {@code at} on; returns the next free one. */
    int bind(PreparedStatement ps, int at, NewMessage m, RawMail raw) throws SQLException {
        ps.setString(at, m.kind().name());
        ps.setString(at + 1, m.direction().name());
        ps.setString(at + 2, Sql.truncate(m.messageId(), 998));
        ps.setString(at + 3, Sql.truncate(m.inReplyTo(), 998));
        ps.setString(at + 4, Sql.truncate(m.references(), 8000));
        ps.setString(at + 5, Sql.truncate(m.from(), 1000));
        ps.setString(at + 6, Sql.truncate(m.to(), 4000));
        ps.setString(at + 7, Sql.truncate(m.subject(), 2000));
        Sql.setInstant(ps, at + 8, m.at());
        ps.setString(at + 9, m.body());
        Sql.setLong(ps, at + 10, m.authorAgentId());
        Sql.setInstant(ps, at + 11, db.clock().instant());
        if (raw == null) {
            return at + 12;
        }
        ps.setBinaryStream(at + 12, raw.content(), raw.length());
        ps.setString(at + 13, raw.sha256());
        ps.setBoolean(at + 14, raw.unknownSender());
        return at + 15;
    }

    /** Adds an inbound e-mail to a ticket this connection just inserted (see {@link TicketChanges#insertWithMail}). */
    long addInboundMail(Connection c, long ticketId, NewMessage m, RawMail raw) throws SQLException {
        return insert(c, ticketId, m, Objects.requireNonNull(raw));
    }

    /**
     * Adds an inbound e-mail with its raw source (streamed, not held in memory), the source's digest and the
     * unknown-sender mark, in one statement within the caller's transaction; returns its id.
     */
    public long addInboundMail(Tx tx, long ticketId, NewMessage m, RawMail raw) {
        return tx.sql(c -> addInboundMail(c, ticketId, m, raw));
    }

    /** Adds a conversation entry and returns its id. */
    public long addMessage(Tx tx, long ticketId, NewMessage m) {
        return tx.sql(c -> addMessage(c, ticketId, m));
    }

    /** Stores the raw source of a message (streamed, not held in memory). */
    void setRawSource(Connection c, long messageId, InputStream raw, long length) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message SET raw_source = ? WHERE id = ?")) {
            ps.setBinaryStream(1, raw, length);
            ps.setLong(2, messageId);
            ps.executeUpdate();
        }
    }

    /** Stores the raw source of a message (streamed, not held in memory). */
    public void setRawSource(Tx tx, long messageId, InputStream raw, long length) {
        tx.run(c -> setRawSource(c, messageId, raw, length));
    }

    /** Stores an attachment (streamed), or only its metadata when it is over the size cap. */
    long addAttachment(Connection c, long messageId, String filename, String contentType, long size,
                              boolean tooLarge, InputStream content) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment (message_id, filename, content_type, size_bytes,"
                + " too_large, content) VALUES (?,?,?,?,?,?)", Sql.ID)) {
            ps.setLong(1, messageId);
            ps.setString(2, Sql.truncate(filename == null || filename.isBlank() ? "attachment" : filename, 1000));
            ps.setString(3, Sql.truncate(contentType, 200));
            ps.setLong(4, size);
            ps.setBoolean(5, tooLarge);
            if (tooLarge || content == null) {
                ps.setNull(6, Types.BLOB);
            } else {
                ps.setBinaryStream(6, content, size);
            }
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    /** Stores an attachment (streamed), or only its metadata when it is over the size cap. */
    public long addAttachment(Tx tx, long messageId, String filename, String contentType, long size,
                              boolean tooLarge, InputStream content) {
        return tx.sql(c -> addAttachment(c, messageId, filename, contentType, size, tooLarge, content));
    }

    /**
     * Copies an attachment's content to {@code out} — only for a reader allowed to read its ticket, and
     * audited for a sensitive ticket. Returns the number of bytes written.
     */
    public long saveAttachment(Agent reader, long attachmentId, OutputStream out, String view) {
        StoreException[] writeFailed = {null};
        long written = db.tx(c -> {
            long ticketId;
            boolean tooLarge;
            try (PreparedStatement ps = c.prepareStatement("SELECT m.ticket_id, at.too_large FROM attachment at"
                    + " JOIN message m ON m.id = at.message_id WHERE at.id = ?")) {
                ps.setLong(1, attachmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException.NotFound("No attachment with id " + attachmentId + ".");
                    }
                    ticketId = rs.getLong(1);
                    tooLarge = rs.getBoolean(2);
                }
            }
            Ticket t = tickets.load(c, ticketId);
            AccessPolicy.requireRead(reader, t);
            if (tooLarge) {
                throw new StoreException.Invalid("That attachment was too large to import; it is kept on the mail server.");
            }
            if (t.sensitive()) {
                audit.record(c, reader, ticketId, view);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM attachment WHERE id = ?")) {
                ps.setLong(1, attachmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException.NotFound("No attachment with id " + attachmentId + ".");
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        return in == null ? 0L : in.transferTo(out);
                    } catch (IOException e) {
                        // part of it may be on disk: the audit of the read commits all the same
                        writeFailed[0] = new StoreException("Could not write the attachment: " + e.getMessage(), e);
                        return -1L;
                    }
                }
            }
        });
        if (writeFailed[0] != null) {
            throw writeFailed[0];
        }
        return written;
    }

    /** Threading data of a ticket's newest inbound e-mail, for a reply's In-Reply-To and References. */
    public record InboundThread(String messageId, String references, String from, String subject) {
    }

    /**
     * The newest inbound e-mail of a ticket (by when it was received), if it has one; mail from an unknown sender
     * (see {@code MailboxRepository.markUnknownSender}) is never it, so a stranger is never a reply's recipient.
     */
    Optional<InboundThread> lastInboundEmail(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, references_ids, from_addr, subject FROM message"
                + " WHERE ticket_id = ? AND direction = 'IN' AND kind = 'EMAIL' AND unknown_sender = FALSE"
                + " ORDER BY sent_at DESC, id DESC")) {
            ps.setMaxRows(1);
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new InboundThread(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /**
     * The newest inbound e-mail of a ticket (by when it was received), if it has one; mail from an unknown sender
     * (see {@code MailboxRepository.markUnknownSender}) is never it, so a stranger is never a reply's recipient.
     */
    public Optional<InboundThread> lastInboundEmail(Tx tx, long ticketId) {
        return tx.sql(c -> lastInboundEmail(c, ticketId));
    }

    /**
     * Is this address the ticket's contact's, or that of a contact of the ticket's customer? (Mail from anyone else
     * is marked as from an unknown sender.) On a team database the database answers (the mail gateway may not
     * read a ticket's contact or customer). {@link #knownSenders} for one sender.
     */
    public boolean knownSender(Tx tx, long ticketId, String address) {
        return !knownSenders(tx, List.of(new SenderOf(ticketId, address))).isEmpty();
    }

    /** A sender's address on a ticket, as {@link #knownSenders} is asked about it. */
    public record SenderOf(long ticketId, String address) {
    }

    /**
     * Which of these senders are known to their tickets ({@link #knownSender(Tx, long, String)}), in one statement for
     * however many (issue 17: a group of the mail intake asks at once); on a team database {@code sd.sender_known}
     * answers for each.
     */
    public Set<SenderOf> knownSenders(Tx tx, Collection<SenderOf> asked) {
        if (asked.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = new ArrayList<>(asked.size());
        List<String> emails = new ArrayList<>(asked.size());
        Map<SenderOf, SenderOf> byNormalized = new HashMap<>();
        for (SenderOf s : asked) {
            String email = senderKey(s.address());
            ids.add(s.ticketId());
            emails.add(email);
            byNormalized.put(new SenderOf(s.ticketId(), email), s);
        }
        return tx.sql(c -> {
            Set<SenderOf> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(db.postgres() ? KNOWN_SENDER_TEAM : KNOWN_SENDER)) {
                ps.setArray(1, Sql.array(c, "bigint", ids));
                ps.setArray(2, Sql.array(c, "varchar", emails));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SenderOf s = byNormalized.get(new SenderOf(rs.getLong(1), rs.getString(2)));
                        if (s != null) {
                            out.add(s);
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * {@link #knownSenders} on H2, for each (ticket, address) pair given as two arrays: the ticket by its key, the
     * contact by the unique index on its e-mail (stored in lower case), so the cost does not grow with the contacts
     * (issue 17: {@code LOWER(email)} read every contact).
     */
    static final String KNOWN_SENDER = "SELECT u.t, u.a FROM UNNEST(?, ?) AS u(t, a) WHERE EXISTS (SELECT 1 FROM ticket t"
            + " JOIN contact ct ON ct.id = t.contact_id OR (t.customer_id IS NOT NULL AND ct.customer_id = t.customer_id)"
            + " WHERE t.id = u.t AND ct.email = u.a)";
    /** {@link #knownSenders} on a team database: {@code sd.sender_known} for each pair. */
    static final String KNOWN_SENDER_TEAM = "SELECT u.t, u.a FROM unnest(CAST(? AS bigint[]), CAST(? AS varchar[]))"
            + " AS u(t, a) WHERE sd.sender_known(u.t, u.a)";

    private static String senderKey(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    boolean messageIdExists(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM message WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public boolean messageIdExists(Tx tx, String messageId) {
        return tx.sql(c -> messageIdExists(c, messageId));
    }

    static List<Message> messages(Connection c, long ticketId) throws SQLException {
        Map<Long, List<AttachmentInfo>> attachments = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at.id, at.message_id, at.filename, at.content_type,"
                + " at.size_bytes, at.too_large FROM attachment at JOIN message m ON m.id = at.message_id"
                + " WHERE m.ticket_id = ? ORDER BY at.id")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AttachmentInfo a = new AttachmentInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getBoolean(6));
                    attachments.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<Message> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.ticket_id, m.kind, m.direction, m.message_id,"
                + " m.in_reply_to, m.references_ids, m.from_addr, m.to_addr, m.subject, m.sent_at, m.body,"
                + " m.author_agent_id, a.display_name, m.unknown_sender FROM message m"
                + " LEFT JOIN agent a ON a.id = m.author_agent_id"
                + " WHERE m.ticket_id = ? ORDER BY m.sent_at, m.id")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long mid = rs.getLong(1);
                    String body = rs.getString(12);
                    out.add(new Message(mid, rs.getLong(2), MessageKind.valueOf(rs.getString(3)),
                            Direction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), Sql.instant(rs, 11),
                            body == null ? "" : body,
                            Sql.longOrNull(rs, "author_agent_id"), rs.getString(14),
                            attachments.getOrDefault(mid, List.of()), rs.getBoolean(15)));
                }
            }
        }
        return out;
    }

    static List<CallRecord> calls(Connection c, long ticketId) throws SQLException {
        List<CallRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pc.id, pc.ticket_id, pc.operator_id, a.display_name,"
                + " pc.contact_id, ct.name, pc.direction, pc.started, pc.ended, pc.notes, pc.draft FROM phone_call pc"
                + " JOIN agent a ON a.id = pc.operator_id LEFT JOIN contact ct ON ct.id = pc.contact_id"
                + " WHERE pc.ticket_id = ? AND pc.draft = FALSE ORDER BY pc.started")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String notes = rs.getString(10);
                    out.add(new CallRecord(rs.getLong(1), Sql.longOrNull(rs, "ticket_id"), rs.getLong(3), rs.getString(4),
                            Sql.longOrNull(rs, "contact_id"), rs.getString(6), CallDirection.valueOf(rs.getString(7)),
                            Sql.instant(rs, 8), Sql.instant(rs, 9),
                            notes == null ? "" : notes, rs.getBoolean(11)));
                }
            }
        }
        return out;
    }
}
