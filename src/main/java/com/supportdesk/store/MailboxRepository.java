package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Mail intake state: the per-folder checkpoint (UIDVALIDITY, last UID), committed in the same
 * transaction as the tickets it produced, and the quarantine of mail that could not be parsed.
 */
public final class MailboxRepository {

    public record Checkpoint(String account, String folder, long uidValidity, long lastUid) {
    }

    /** Why a message is in the quarantine table. */
    public enum QuarantineCategory {
        /** The message could not be parsed: the quarantine proper, shown to admins with "retry". */
        UNREADABLE,
        /** Automated mail that opened no ticket (auto-reply, list, bulk, loop, bounce for no known ticket). */
        AUTOMATED
    }

    /**
     * One quarantined (or automated) message. {@code sender} and {@code subject} are what could be read, or null;
     * for a reader without clearance they are the placeholder when the message was marked OFFICIAL-SENSITIVE
     * ({@link #redacted()}).
     */
    public record QuarantineEntry(long id, String account, String folder, Long uid, Instant received, String reason,
                                  long rawSize, Instant createdAt, Instant resolvedAt, String resolution,
                                  QuarantineCategory category, String sender, String subject, boolean sensitive,
                                  boolean redacted) {
        public boolean open() {
            return resolvedAt == null;
        }

        QuarantineEntry redact() {
            return new QuarantineEntry(id, account, folder, uid, received, reason, rawSize, createdAt, resolvedAt,
                    resolution, category, null, Ticket.PLACEHOLDER, true, true);
        }
    }

    /** What goes into the quarantine table. Text fields are cut to the column sizes. */
    public record NewQuarantine(QuarantineCategory category, String account, String folder, Long uid, Instant received,
                                String reason, String messageKey, String rawSha256, String sender, String subject,
                                boolean sensitive) {
    }

    /**
     * What the store already holds under a Message-ID (dedupe): a conversation message (with its ticket) or a
     * quarantine entry, and the SHA-256 of its raw source when known.
     */
    public record StoredMail(Long messageRowId, Long ticketId, Long quarantineId, String rawSha256) {
        /** Same raw bytes, or no digest to compare (e.g. the desk's own outbound mail): a duplicate. */
        public boolean sameContent(String sha256) {
            return rawSha256 == null || rawSha256.equalsIgnoreCase(sha256);
        }
    }

    /** Where a cleared admin's read of a sensitive quarantined message is audited from. */
    public static final String VIEW_QUARANTINE = "quarantine";
    /** The list shows at most this many entries, newest first. */
    public static final int LIST_LIMIT = 1000;

    private final Database db;
    private final AuditRepository audit;
    /** On a team database the view gives the size of raw sources it may not show ({@code raw_size}). */
    private final String quarantineColumns;

    public MailboxRepository(Database db, AuditRepository audit) {
        this.db = db;
        this.audit = audit;
        this.quarantineColumns = "id, account, folder, uid, received, reason,"
                + (db.postgres() ? " raw_size" : " OCTET_LENGTH(raw_source)")
                + ", created_at, resolved_at, resolution, category, sender, subject, sensitive";
    }

    public Optional<Checkpoint> checkpoint(String account, String folder) {
        return db.tx(c -> checkpoint(c, account, folder));
    }

    Optional<Checkpoint> checkpoint(Connection c, String account, String folder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT uid_validity, last_uid FROM mail_checkpoint WHERE account = ? AND folder = ?")) {
            ps.setString(1, account);
            ps.setString(2, folder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Checkpoint(account, folder, rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    public Optional<Checkpoint> checkpoint(Tx tx, String account, String folder) {
        return tx.sql(c -> checkpoint(c, account, folder));
    }

    /** Moves the checkpoint; call inside the transaction that stored what was fetched up to this UID. */
    void saveCheckpoint(Connection c, Checkpoint cp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE mail_checkpoint SET uid_validity = ?, last_uid = ?,"
                + " updated_at = ? WHERE account = ? AND folder = ?")) {
            ps.setLong(1, cp.uidValidity());
            ps.setLong(2, cp.lastUid());
            Sql.setInstant(ps, 3, db.clock().instant());
            ps.setString(4, cp.account());
            ps.setString(5, cp.folder());
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_checkpoint (account, folder, uid_validity, last_uid,"
                + " updated_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, cp.account());
            ps.setString(2, cp.folder());
            ps.setLong(3, cp.uidValidity());
            ps.setLong(4, cp.lastUid());
            Sql.setInstant(ps, 5, db.clock().instant());
            ps.executeUpdate();
        }
    }

    /** Moves the checkpoint; call inside the transaction that stored what was fetched up to this UID. */
    public void saveCheckpoint(Tx tx, Checkpoint cp) {
        tx.run(c -> saveCheckpoint(c, cp));
    }

    /**
     * Makes the commit of this transaction durable on a team database whatever the server's default: the intake flags or
     * moves mail on the server only after its commit, which a server running {@code synchronous_commit = off} could
     * still lose in a crash. Raised to {@code on} for this transaction only, and only from {@code off}: a stronger
     * setting ({@code remote_write}, {@code remote_apply}...) or {@code local} stays as it is. Nothing to do on the
     * embedded database ({@link Database#sync()} forces its commits to disk).
     */
    public void commitDurably(Tx tx) {
        if (!db.postgres()) {
            return;
        }
        tx.run(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(DURABLE_COMMIT);
            }
        });
    }

    /** {@link #commitDurably}'s statement: {@code set_config(..., true)} holds until the transaction ends. */
    static final String DURABLE_COMMIT = "SELECT set_config('synchronous_commit', 'on', true)"
            + " WHERE current_setting('synchronous_commit') = 'off'";

    /** Keeps mail that could not be parsed, with its raw source and the reason. */
    long quarantine(Connection c, String account, String folder, Long uid, Instant received, String reason,
                           InputStream raw, long length) throws SQLException {
        return quarantine(c, new NewQuarantine(QuarantineCategory.UNREADABLE, account, folder, uid, received, reason,
                null, null, null, null, false), raw, length);
    }

    /** Keeps mail that could not be parsed, with its raw source and the reason. */
    public long quarantine(Tx tx, String account, String folder, Long uid, Instant received, String reason,
                           InputStream raw, long length) {
        return tx.sql(c -> quarantine(c, account, folder, uid, received, reason, raw, length));
    }

    /** Keeps a message in the quarantine table with its raw source (streamed, not held in memory). */
    long quarantine(Connection c, NewQuarantine q, InputStream raw, long length) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quarantine (account, folder, uid, received, reason,"
                + " raw_source, created_at, category, message_key, raw_sha256, sender, subject, sensitive)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Sql.ID)) {
            ps.setString(1, cut(q.account(), 400));
            ps.setString(2, cut(q.folder(), 400));
            Sql.setLong(ps, 3, q.uid());
            Sql.setInstant(ps, 4, q.received() == null ? db.clock().instant() : q.received());
            ps.setString(5, cut(q.reason() == null || q.reason().isBlank() ? "(no reason given)" : q.reason(), 4000));
            ps.setBinaryStream(6, raw, length);
            Sql.setInstant(ps, 7, db.clock().instant());
            ps.setString(8, q.category().name());
            ps.setString(9, cut(q.messageKey(), 998));
            ps.setString(10, q.rawSha256());
            ps.setString(11, cut(q.sender(), 1000));
            ps.setString(12, cut(q.subject(), 1000));
            ps.setBoolean(13, q.sensitive());
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    /** Keeps a message in the quarantine table with its raw source (streamed, not held in memory). */
    public long quarantine(Tx tx, NewQuarantine q, InputStream raw, long length) {
        return tx.sql(c -> quarantine(c, q, raw, length));
    }

    /**
     * What is already stored under {@code messageKey}: first a conversation message, else a quarantine entry
     * other than {@code excludeQuarantineId} (the entry being retried).
     */
    Optional<StoredMail> stored(Connection c, String messageKey, Long excludeQuarantineId) throws SQLException {
        // one statement for both tables (issue 17: a round trip less for every message), the one a group reads with
        List<StoredMail> rows = new ArrayList<>();
        for (KeyRow row : storedUnder(c, List.of(messageKey))) {
            rows.add(row.mail());
        }
        return firstStored(rows, excludeQuarantineId);
    }

    /**
     * What the duplicate check takes from the rows stored under one key, in {@link #storedUnder}'s order: the
     * conversation message (Message-IDs are unique), else the first quarantine entry other than
     * {@code excludeQuarantineId} (the entry being retried).
     */
    public static Optional<StoredMail> firstStored(List<StoredMail> rows, Long excludeQuarantineId) {
        for (StoredMail m : rows) {
            if (m.messageRowId() != null || !m.quarantineId().equals(excludeQuarantineId)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * What is already stored under {@code messageKey}: first a conversation message, else a quarantine entry
     * other than {@code excludeQuarantineId} (the entry being retried).
     */
    public Optional<StoredMail> stored(Tx tx, String messageKey, Long excludeQuarantineId) {
        return tx.sql(c -> stored(c, messageKey, excludeQuarantineId));
    }

    /** Longest key the message and quarantine tables keep (both columns are this size); longer keys are cut to it. */
    public static final int KEY_LENGTH = 998;

    /** A key as {@code message.message_id} and {@code quarantine.message_key} keep it (cut to {@link #KEY_LENGTH}). */
    public static String storedKey(String key) {
        return cut(key, KEY_LENGTH);
    }

    /** One row {@link #storedUnder} found: the key as stored, and what holds it. */
    public record KeyRow(String key, StoredMail mail) {
    }

    /**
     * What the store holds under any of {@code keys}, in one statement for a whole group of messages (issue 17): for
     * each key its conversation message first (Message-IDs are unique), then its quarantine entries by id — the rows
     * {@link #stored(Tx, String, Long)} chooses from, read as it reads them (the same tables, or on a team database the
     * same views). A message's row carries its ticket, so the same rows answer threading by Message-ID.
     */
    public List<KeyRow> storedUnder(Tx tx, Collection<String> keys) {
        return keys.isEmpty() ? List.of() : tx.sql(c -> storedUnder(c, keys));
    }

    private List<KeyRow> storedUnder(Connection c, Collection<String> keys) throws SQLException {
        List<KeyRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(STORED_UNDER)) {
            ps.setArray(1, Sql.array(c, "varchar", keys));
            ps.setArray(2, Sql.array(c, "varchar", keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    out.add(new KeyRow(rs.getString(1), rs.getInt(5) == 0
                            ? new StoredMail(id, Sql.longOrNull(rs, "ticket_id"), null, rs.getString(4))
                            : new StoredMail(null, null, id, rs.getString(4))));
                }
            }
        }
        return out;
    }

    /**
     * {@link #storedUnder}'s statement (and {@link #stored}'s, for one key): for each key its conversation message,
     * then its quarantine entries by id.
     */
    static final String STORED_UNDER = "SELECT k, id, ticket_id, raw_sha256, src FROM ("
            + "SELECT message_id AS k, id, ticket_id, raw_sha256, 0 AS src FROM message WHERE message_id = ANY(?)"
            + " UNION ALL SELECT message_key, id, CAST(NULL AS BIGINT), raw_sha256, 1 FROM quarantine"
            + " WHERE message_key = ANY(?)) x ORDER BY src, id";

    /**
     * Marks a stored inbound e-mail as from an unknown sender: neither the ticket's contact nor a contact of its
     * customer (such mail never becomes the default recipient of a reply).
     */
    void markUnknownSender(Connection c, long messageRowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message SET unknown_sender = TRUE WHERE id = ?")) {
            ps.setLong(1, messageRowId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks a stored inbound e-mail as from an unknown sender: neither the ticket's contact nor a contact of its
     * customer (such mail never becomes the default recipient of a reply).
     */
    public void markUnknownSender(Tx tx, long messageRowId) {
        tx.run(c -> markUnknownSender(c, messageRowId));
    }

    /** True if this message (account, folder, UIDVALIDITY-independent UID) was already quarantined. */
    boolean quarantined(Connection c, String account, String folder, long uid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM quarantine WHERE account = ? AND folder = ? AND uid = ?")) {
            ps.setString(1, account);
            ps.setString(2, folder);
            ps.setLong(3, uid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** True if this message (account, folder, UIDVALIDITY-independent UID) was already quarantined. */
    public boolean quarantined(Tx tx, String account, String folder, long uid) {
        return tx.sql(c -> quarantined(c, account, folder, uid));
    }

    /** The quarantine of unreadable mail, newest first (admins only: it holds raw mail). */
    public List<QuarantineEntry> quarantine(Agent actor, boolean includeResolved) {
        return quarantine(actor, QuarantineCategory.UNREADABLE, includeResolved);
    }

    /**
     * One category of the quarantine table, newest first, at most {@link #LIST_LIMIT} entries (admins only).
     * Sender and subject of a message marked OFFICIAL-SENSITIVE are shown to cleared admins only.
     */
    public List<QuarantineEntry> quarantine(Agent actor, QuarantineCategory category, boolean includeResolved) {
        AgentRepository.requireAdmin(actor, "see quarantined mail");
        return db.tx(c -> {
            List<QuarantineEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + quarantineColumns + " FROM quarantine WHERE"
                    + " category = ?" + (includeResolved ? "" : " AND resolved_at IS NULL") + " ORDER BY id DESC")) {
                ps.setMaxRows(LIST_LIMIT);
                ps.setString(1, category.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapEntry(rs));
                    }
                }
            }
            out.replaceAll(e -> lens(c, actor, e));
            return out;
        });
    }

    /** Open entries per category (for a badge), admins only. */
    public int openCount(Agent actor, QuarantineCategory category) {
        AgentRepository.requireAdmin(actor, "see quarantined mail");
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM quarantine WHERE category = ? AND resolved_at IS NULL")) {
                ps.setString(1, category.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** One entry, unfiltered (for the system's own use within a transaction). */
    Optional<QuarantineEntry> entry(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + quarantineColumns + " FROM quarantine WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapEntry(rs)) : Optional.empty();
            }
        }
    }

    /** One entry, unfiltered (for the system's own use within a transaction). */
    public Optional<QuarantineEntry> entry(Tx tx, long id) {
        return tx.sql(c -> entry(c, id));
    }

    /** One entry as this admin may see it. */
    public QuarantineEntry entry(Agent actor, long id) {
        AgentRepository.requireAdmin(actor, "see quarantined mail");
        return db.tx(c -> lens(c, actor, entry(c, id)
                .orElseThrow(() -> new StoreException.NotFound("No quarantined message " + id + "."))));
    }

    /**
     * Copies a quarantined message's raw source (admins only; for a message marked OFFICIAL-SENSITIVE, cleared
     * admins only).
     */
    public long rawSource(Agent actor, long id, OutputStream out) {
        AgentRepository.requireAdmin(actor, "read quarantined mail");
        return db.tx(c -> {
            QuarantineEntry e = entry(c, id).orElseThrow(() -> new StoreException.NotFound("No quarantined message " + id + "."));
            if (e.sensitive() && !actor.cleared()) {
                throw new StoreException.AccessDenied("Quarantined message " + id + " is " + Ticket.PLACEHOLDER + ".");
            }
            if (e.sensitive()) {
                audit.readQuarantined(c, actor, id, VIEW_QUARANTINE);
            }
            return rawSource(c, id, out);
        });
    }

    /**
     * The entry as this reader may see it: a sensitive entry's sender and subject only for a cleared reader, whose
     * read is audited first (on a team database the view shows them once audited, so the entry is read again).
     */
    private QuarantineEntry lens(Connection c, Agent reader, QuarantineEntry e) {
        if (!e.sensitive()) {
            return e;
        }
        if (reader == null || !reader.cleared()) {
            return e.redact();
        }
        try {
            audit.readQuarantined(c, reader, e.id(), VIEW_QUARANTINE);
            return db.postgres() ? entry(c, e.id()).orElse(e) : e;
        } catch (SQLException ex) {
            throw db.translate(ex);
        }
    }

    private static QuarantineEntry mapEntry(ResultSet rs) throws SQLException {
        return new QuarantineEntry(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.longOrNull(rs, "uid"),
                Sql.instant(rs, 5), rs.getString(6), rs.getLong(7), Sql.instant(rs, 8), Sql.instant(rs, 9),
                rs.getString(10), QuarantineCategory.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                rs.getBoolean(14), false);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    long rawSource(Connection c, long id, OutputStream out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT raw_source FROM quarantine WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException.NotFound("No quarantined message " + id + ".");
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    return in == null ? 0L : in.transferTo(out);
                } catch (IOException e) {
                    throw new StoreException("Could not read the quarantined message: " + e.getMessage(), e);
                }
            }
        }
    }

    public long rawSource(Tx tx, long id, OutputStream out) {
        return tx.sql(c -> rawSource(c, id, out));
    }

    /** Marks a quarantine entry dealt with ("retried: SD-1042", "made ticket SD-1043", "dismissed"). */
    void resolve(Connection c, long id, String resolution) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE quarantine SET resolved_at = ?, resolution = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            ps.setString(2, cut(resolution, 200));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Marks a quarantine entry dealt with ("retried: SD-1042", "made ticket SD-1043", "dismissed"). */
    public void resolve(Tx tx, long id, String resolution) {
        tx.run(c -> resolve(c, id, resolution));
    }
}
