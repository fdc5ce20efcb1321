package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mail intake state: the per-folder checkpoint (UIDVALIDITY, last UID), committed in the same
 * transaction as the tickets it produced, and the quarantine of mail that could not be parsed.
 */
public final class MailboxRepository {

    public record Checkpoint(String account, String folder, long uidValidity, long lastUid) {
    }

    public record QuarantineEntry(long id, String account, String folder, Long uid, Instant received, String reason,
                                  long rawSize, Instant createdAt, Instant resolvedAt, String resolution) {
        public boolean open() {
            return resolvedAt == null;
        }
    }

    private final Database db;

    public MailboxRepository(Database db) {
        this.db = db;
    }

    public Optional<Checkpoint> checkpoint(String account, String folder) {
        return db.tx(c -> checkpoint(c, account, folder));
    }

    public Optional<Checkpoint> checkpoint(Connection c, String account, String folder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT uid_validity, last_uid FROM mail_checkpoint WHERE account = ? AND folder = ?")) {
            ps.setString(1, account);
            ps.setString(2, folder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Checkpoint(account, folder, rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    /** Moves the checkpoint; call inside the transaction that stored what was fetched up to this UID. */
    public void saveCheckpoint(Connection c, Checkpoint cp) throws SQLException {
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

    /** Keeps mail that could not be parsed, with its raw source and the reason. */
    public long quarantine(Connection c, String account, String folder, Long uid, Instant received, String reason,
                           InputStream raw, long length) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quarantine (account, folder, uid, received, reason,"
                + " raw_source, created_at) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, account);
            ps.setString(2, folder);
            Sql.setLong(ps, 3, uid);
            Sql.setInstant(ps, 4, received);
            ps.setString(5, reason.length() > 4000 ? reason.substring(0, 4000) : reason);
            ps.setBinaryStream(6, raw, length);
            Sql.setInstant(ps, 7, db.clock().instant());
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    /** True if this message (account, folder, UIDVALIDITY-independent UID) was already quarantined. */
    public boolean quarantined(Connection c, String account, String folder, long uid) throws SQLException {
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

    /** The quarantine, newest first (admins only: it holds raw mail). */
    public List<QuarantineEntry> quarantine(Agent actor, boolean includeResolved) {
        AgentRepository.requireAdmin(actor, "see quarantined mail");
        return db.tx(c -> {
            List<QuarantineEntry> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, account, folder, uid, received,"
                    + " reason, OCTET_LENGTH(raw_source), created_at, resolved_at, resolution FROM quarantine"
                    + (includeResolved ? "" : " WHERE resolved_at IS NULL") + " ORDER BY id DESC")) {
                while (rs.next()) {
                    out.add(new QuarantineEntry(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.longOrNull(rs, "uid"),
                            Sql.instant(rs, 5), rs.getString(6), rs.getLong(7), Sql.instant(rs, 8), Sql.instant(rs, 9),
                            rs.getString(10)));
                }
            }
            return out;
        });
    }

    /** Copies a quarantined message's raw source (admins only). */
    public long rawSource(Agent actor, long id, OutputStream out) {
        AgentRepository.requireAdmin(actor, "read quarantined mail");
        return db.tx(c -> rawSource(c, id, out));
    }

    public long rawSource(Connection c, long id, OutputStream out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT raw_source FROM quarantine WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException.NotFound("No quarantined message " + id + ".");
                }
                Blob b = rs.getBlob(1);
                try (InputStream in = b.getBinaryStream()) {
                    return in.transferTo(out);
                } catch (java.io.IOException e) {
                    throw new StoreException("Could not read the quarantined message: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Marks a quarantine entry dealt with ("retried: SD-1042", "made ticket SD-1043", "dismissed"). */
    public void resolve(Connection c, long id, String resolution) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE quarantine SET resolved_at = ?, resolution = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            ps.setString(2, resolution);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }
}
