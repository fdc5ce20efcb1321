package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Placeholders;
import com.supportdesk.domain.SavedReply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Saved replies and agents' signatures (issue 18). A team reply ({@code owner_id} NULL) is read by every agent and
 * changed only by team leads; a personal reply is seen and changed by its owner alone. On the embedded database
 * these rules are the checks below; on a team database the database enforces them itself (R__access_model.sql,
 * section "saved replies and signatures") and these checks are a second line. Every text is checked when it is saved:
 * an unknown placeholder is refused then ({@link Placeholders#problem}), never when the reply is sent.
 */
public final class SavedReplyRepository {

    /** What an import did: replies added, changed, left as they were, and removed (with {@code prune}). */
    public record ImportResult(int added, int changed, int unchanged, int removed) {
    }

    public static final int MAX_NAME = 200;
    public static final int MAX_SHORTCUT = 40;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_SIGNATURE = 4_000;
    private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_-]{1," + MAX_SHORTCUT + "}");
    private static final String COLS = "id, owner_id, name, shortcut, body, sensitive_ok, first_response, updated_at,"
            + " version";

    private final Database db;

    public SavedReplyRepository(Database db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- reading

    /** The team's replies and the reader's own, by name (team first on a tie). */
    public List<SavedReply> list(Agent reader) {
        if (!signedIn(reader)) {
            return List.of();
        }
        return db.tx(c -> query(c, "SELECT " + COLS + " FROM saved_reply WHERE owner_id IS NULL OR owner_id = ?"
                + " ORDER BY LOWER(name), owner_id NULLS FIRST, id", reader.id()));
    }

    /** The team's replies, by name: what an export writes. */
    public List<SavedReply> team(Agent reader) {
        requireSignedIn(reader, "read saved replies");
        return db.tx(c -> query(c, "SELECT " + COLS + " FROM saved_reply WHERE owner_id IS NULL ORDER BY LOWER(name), id",
                null));
    }

    /**
     * The reply with this name (any case) or shortcut word the reader may use: their own before the team's, a name
     * before a shortcut.
     */
    public Optional<SavedReply> find(Agent reader, String nameOrShortcut) {
        String key = nameOrShortcut == null ? "" : nameOrShortcut.strip().toLowerCase(Locale.ROOT);
        List<SavedReply> all = list(reader);
        for (boolean byName : new boolean[] {true, false}) {
            for (boolean own : new boolean[] {true, false}) {
                for (SavedReply r : all) {
                    String v = byName ? r.name() : r.shortcut();
                    if (r.team() != own && v != null && v.toLowerCase(Locale.ROOT).equals(key)) {
                        return Optional.of(r);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** As {@link #find}, or {@link StoreException.NotFound} in a sentence. */
    public SavedReply require(Agent reader, String nameOrShortcut) {
        return find(reader, nameOrShortcut).orElseThrow(() -> new StoreException.NotFound("There is no saved reply called"
                + " \u201c" + (nameOrShortcut == null ? "" : nameOrShortcut.strip()) + "\u201d for you."));
    }

    // ---------------------------------------------------------------- changing

    /** Saves a new reply: the agent's own, or (team leads) the team's. */
    public SavedReply add(Agent actor, SavedReply.Draft draft) {
        SavedReply.Draft d = checked(draft);
        requireMayWrite(actor, d.team(), "add");
        return db.tx(c -> insert(c, actor, d));
    }

    /**
     * Changes a reply the actor may change (their own; the team's for a team lead), which must still be at
     * {@code version}. A reply keeps its owner: {@code draft.team()} must say what it is.
     */
    public SavedReply update(Agent actor, long id, int version, SavedReply.Draft draft) {
        SavedReply.Draft d = checked(draft);
        return db.tx(c -> {
            SavedReply was = visible(c, actor, id);
            if (was.team() != d.team()) {
                throw new StoreException.Invalid("A saved reply keeps its owner: \u201c" + was.name() + "\u201d is "
                        + (was.team() ? "the team's" : "your own") + ". Save a copy instead.");
            }
            requireMayWrite(actor, was.team(), "change");
            if (was.version() != version) {
                throw changed(was);
            }
            write(c, actor, was, d);
            return visible(c, actor, id);
        });
    }

    /** Deletes a reply the actor may change. */
    public void delete(Agent actor, long id) {
        db.run(c -> {
            SavedReply was = visible(c, actor, id);
            requireMayWrite(actor, was.team(), "delete");
            delete(c, was);
        });
    }

    /**
     * Makes the team's replies what an exported file says (team leads): a reply of the same name (any case) is
     * changed, a new one added; with {@code prune} a team reply the file does not name is deleted. All of it in one
     * transaction, every reply checked first: on any problem nothing changes.
     */
    public ImportResult importTeam(Agent lead, List<SavedReply.Draft> drafts, boolean prune) {
        requireMayWrite(lead, true, "import");
        Map<String, SavedReply.Draft> byName = new LinkedHashMap<>();
        Map<String, String> shortcuts = new HashMap<>();
        for (SavedReply.Draft raw : drafts) {
            SavedReply.Draft d = checked(raw);
            if (!d.team()) {
                throw new StoreException.Invalid("An import holds the team's replies only (\u201c" + d.name() + "\u201d).");
            }
            String key = d.name().toLowerCase(Locale.ROOT);
            if (byName.put(key, d) != null) {
                throw new StoreException.Invalid("Two replies are called \u201c" + d.name() + "\u201d.");
            }
            if (d.shortcut() != null) {
                String other = shortcuts.put(d.shortcut().toLowerCase(Locale.ROOT), d.name());
                if (other != null) {
                    throw new StoreException.Invalid("\u201c" + other + "\u201d and \u201c" + d.name() + "\u201d have the"
                            + " same shortcut " + d.shortcut() + ".");
                }
            }
        }
        return db.tx(c -> {
            List<SavedReply> current = query(c, "SELECT " + COLS + " FROM saved_reply WHERE owner_id IS NULL ORDER BY id",
                    null);
            Map<String, SavedReply> existing = new HashMap<>();
            current.forEach(r -> existing.put(r.name().toLowerCase(Locale.ROOT), r));
            int added = 0;
            int changed = 0;
            int unchanged = 0;
            int removed = 0;
            // first out of the way: deleted ones, then shortcuts that move to another reply
            if (prune) {
                for (SavedReply r : current) {
                    if (!byName.containsKey(r.name().toLowerCase(Locale.ROOT))) {
                        delete(c, r);
                        existing.remove(r.name().toLowerCase(Locale.ROOT));
                        removed++;
                    }
                }
            }
            for (SavedReply r : existing.values()) {
                SavedReply.Draft d = byName.get(r.name().toLowerCase(Locale.ROOT));
                if (r.shortcut() != null && (d == null || !r.shortcut().equalsIgnoreCase(String.valueOf(d.shortcut())))
                        && shortcuts.containsKey(r.shortcut().toLowerCase(Locale.ROOT))) {
                    if (d == null) {
                        throw new StoreException.Invalid("The team's reply \u201c" + r.name() + "\u201d already has the"
                                + " shortcut " + r.shortcut() + " that \u201c" + shortcuts.get(r.shortcut()
                                .toLowerCase(Locale.ROOT)) + "\u201d is given (import with --prune to replace the"
                                + " team's replies).");
                    }
                    write(c, lead, r, new SavedReply.Draft(r.name(), null, r.body(), true, r.sensitiveOk(),
                            r.firstResponse()));
                    existing.put(r.name().toLowerCase(Locale.ROOT), visible(c, lead, r.id()));
                }
            }
            for (SavedReply.Draft d : byName.values()) {
                SavedReply r = existing.get(d.name().toLowerCase(Locale.ROOT));
                if (r == null) {
                    insert(c, lead, d);
                    added++;
                } else if (r.draft().equals(d)) {
                    unchanged++;
                } else {
                    write(c, lead, r, d);
                    changed++;
                }
            }
            return new ImportResult(added, changed, unchanged, removed);
        });
    }

    // ---------------------------------------------------------------- signatures

    /** The agent's own signature as they saved it (with its placeholders), or empty when they have none. */
    public Optional<String> signature(Agent agent) {
        if (!signedIn(agent)) {
            return Optional.empty();
        }
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM agent_signature WHERE agent_id = ?")) {
                ps.setLong(1, agent.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Saves the agent's own signature (checked like a reply's text); a blank one removes it. */
    public void setSignature(Agent agent, String text) {
        requireSignedIn(agent, "keep a signature");
        String body = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (body.length() > MAX_SIGNATURE) {
            throw new StoreException.Invalid("A signature is at most " + MAX_SIGNATURE + " characters.");
        }
        Placeholders.problem(body).ifPresent(p -> {
            throw new StoreException.Invalid("The signature was not saved: " + p);
        });
        db.run(c -> {
            if (body.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM agent_signature WHERE agent_id = ?")) {
                    ps.setLong(1, agent.id());
                    ps.executeUpdate();
                }
                return;
            }
            Instant now = db.clock().instant();
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE agent_signature SET body = ?, updated_at = ?"
                    + " WHERE agent_id = ?")) {
                ps.setString(1, body);
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, agent.id());
                n = ps.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_signature (agent_id, body, updated_at)"
                        + " VALUES (?, ?, ?)")) {
                    ps.setLong(1, agent.id());
                    ps.setString(2, body);
                    Sql.setInstant(ps, 3, now);
                    ps.executeUpdate();
                }
            }
        });
    }

    // ---------------------------------------------------------------- inside

    private SavedReply insert(Connection c, Agent actor, SavedReply.Draft d) throws SQLException {
        requireUnique(c, actor, d, null);
        Instant now = db.clock().instant();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO saved_reply (name, shortcut, body, sensitive_ok,"
                + " first_response, created_at, updated_at, updated_by, owner_id, version) VALUES (?,?,?,?,?,?,?,?,?,0)",
                Sql.ID)) {
            fill(ps, d);
            Sql.setInstant(ps, 6, now);
            Sql.setInstant(ps, 7, now);
            ps.setLong(8, actor.id());
            Sql.setLong(ps, 9, d.team() ? null : actor.id());
            ps.executeUpdate();
            return visible(c, actor, Sql.generatedId(ps));
        }
    }

    private void write(Connection c, Agent actor, SavedReply was, SavedReply.Draft d) throws SQLException {
        requireUnique(c, actor, d, was.id());
        try (PreparedStatement ps = c.prepareStatement("UPDATE saved_reply SET name = ?, shortcut = ?, body = ?,"
                + " sensitive_ok = ?, first_response = ?, updated_at = ?, updated_by = ?, version = version + 1"
                + " WHERE id = ? AND version = ?")) {
            fill(ps, d);
            Sql.setInstant(ps, 6, db.clock().instant());
            ps.setLong(7, actor.id());
            ps.setLong(8, was.id());
            ps.setInt(9, was.version());
            if (ps.executeUpdate() == 0) {
                throw changed(was);
            }
        }
    }

    private static void delete(Connection c, SavedReply was) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_reply WHERE id = ? AND version = ?")) {
            ps.setLong(1, was.id());
            ps.setInt(2, was.version());
            if (ps.executeUpdate() == 0) {
                throw changed(was);
            }
        }
    }

    private static void fill(PreparedStatement ps, SavedReply.Draft d) throws SQLException {
        ps.setString(1, d.name());
        ps.setString(2, d.shortcut());
        ps.setString(3, d.body());
        ps.setBoolean(4, d.sensitiveOk());
        ps.setBoolean(5, d.firstResponse());
    }

    /** The reply if the actor may see it (the team's, or their own); NotFound otherwise, whoever's it is. */
    private SavedReply visible(Connection c, Agent actor, long id) throws SQLException {
        requireSignedIn(actor, "use saved replies");
        List<SavedReply> found = query(c, "SELECT " + COLS + " FROM saved_reply WHERE id = " + id
                + " AND (owner_id IS NULL OR owner_id = ?)", actor.id());
        if (found.isEmpty()) {
            throw new StoreException.NotFound("There is no saved reply #" + id + " for you.");
        }
        return found.get(0);
    }

    /** A name (and a shortcut) is unique among the team's replies and among one agent's own, in any case. */
    private static void requireUnique(Connection c, Agent actor, SavedReply.Draft d, Long except) throws SQLException {
        String scope = d.team() ? "owner_id IS NULL" : "owner_id = " + actor.id();
        String whose = d.team() ? "The team already has a reply" : "You already have a reply";
        try (PreparedStatement ps = c.prepareStatement("SELECT name, shortcut FROM saved_reply WHERE " + scope
                + " AND id <> ? AND (LOWER(name) = ? OR LOWER(shortcut) = ?)")) {
            ps.setLong(1, except == null ? -1 : except);
            ps.setString(2, d.name().toLowerCase(Locale.ROOT));
            ps.setString(3, d.shortcut() == null ? "" : d.shortcut().toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString(1).equalsIgnoreCase(d.name())) {
                        throw new StoreException.Invalid(whose + " called \u201c" + rs.getString(1) + "\u201d.");
                    }
                    throw new StoreException.Invalid(whose + " with the shortcut " + d.shortcut() + ": \u201c"
                            + rs.getString(1) + "\u201d.");
                }
            }
        }
    }

    private static List<SavedReply> query(Connection c, String sql, Long arg) throws SQLException {
        List<SavedReply> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setLong(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SavedReply(rs.getLong("id"), Sql.longOrNull(rs, "owner_id"), rs.getString("name"),
                            rs.getString("shortcut"), rs.getString("body"), rs.getBoolean("sensitive_ok"),
                            rs.getBoolean("first_response"), Sql.instant(rs, "updated_at"), rs.getInt("version")));
                }
            }
        }
        return out;
    }

    /**
     * The draft as it is saved (name and shortcut stripped, line ends normalised), or the plain reason it cannot be:
     * no name, a shortcut that is not one word, an empty or too long body, an unknown placeholder.
     */
    public static SavedReply.Draft checked(SavedReply.Draft d) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            throw new StoreException.Invalid("A saved reply needs a name.");
        }
        if (name.length() > MAX_NAME || name.contains("\n")) {
            throw new StoreException.Invalid("A reply's name is one line of at most " + MAX_NAME + " characters.");
        }
        String word = d.shortcut() == null || d.shortcut().isBlank() ? null : d.shortcut().strip();
        if (word != null && word.startsWith("::")) {
            word = word.substring(2);
        }
        if (word != null && !SHORTCUT.matcher(word).matches()) {
            throw new StoreException.Invalid("The shortcut of \u201c" + name + "\u201d is one word of letters, digits,"
                    + " '-' or '_' (at most " + MAX_SHORTCUT + "): not \u201c" + d.shortcut().strip() + "\u201d.");
        }
        String body = d.body() == null ? "" : d.body().replace("\r\n", "\n");
        if (body.isBlank()) {
            throw new StoreException.Invalid("The reply \u201c" + name + "\u201d has no text.");
        }
        if (body.length() > MAX_BODY) {
            throw new StoreException.Invalid("The reply \u201c" + name + "\u201d is longer than " + MAX_BODY
                    + " characters.");
        }
        Placeholders.problem(body).ifPresent(p -> {
            throw new StoreException.Invalid("The reply \u201c" + name + "\u201d was not saved: " + p);
        });
        return new SavedReply.Draft(name, word, body, d.team(), d.sensitiveOk(), d.firstResponse());
    }

    private static StoreException changed(SavedReply was) {
        return new StoreException.ConcurrentChange("The saved reply \u201c" + was.name() + "\u201d was changed or deleted"
                + " by someone else since you loaded it: load it again.");
    }

    private static boolean signedIn(Agent a) {
        return a != null && a != AccessPolicy.NOBODY && a.active();
    }

    private static void requireSignedIn(Agent a, String what) {
        if (a == null || a == AccessPolicy.NOBODY) {
            throw new StoreException.AccessDenied("Sign in to " + what + ".");
        }
        if (!a.active()) {
            throw new StoreException.AccessDenied("The account '" + a.username() + "' is deactivated.");
        }
    }

    /** Anyone signed in keeps their own replies; only team leads change the team's. */
    private static void requireMayWrite(Agent actor, boolean team, String verb) {
        requireSignedIn(actor, verb + " saved replies");
        if (team && !actor.lead()) {
            throw new StoreException.AccessDenied(actor.username() + " is not a team lead: only team leads " + verb
                    + " the team's saved replies.");
        }
    }
}
