package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PasswordUtil;

/** Staff accounts. Password hashes never leave this class. */
public final class AgentRepository {

    /** What an admin sets when creating or editing an agent. */
    public record AgentSpec(String username, String displayName, Clearance clearance, SupportLevel level,
                            boolean lead, boolean admin, boolean active) {
        public AgentSpec {
            if (username == null || !username.strip().matches("[A-Za-z0-9._@-]{1,64}")) {
                throw new StoreException.Invalid("A user name is 1 to 64 letters, digits, '.', '_', '@' or '-'.");
            }
            username = username.strip();
            displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
            clearance = clearance == null ? Clearance.NONE : clearance;
            level = level == null ? SupportLevel.L1 : level;
        }
    }

    private static final String COLS = "id, username, display_name, clearance, support_level, is_lead, is_admin, active";

    private final Database db;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    /**
     * A hash of a password nobody knows, made with the same work factor as real ones: an unknown user name is
     * checked against it, so it takes as long to refuse as a wrong password (made at the first sign-in).
     */
    private volatile String dummyHash;

    public AgentRepository(Database db, Passwords passwords) {
        this.db = db;
        this.passwords = passwords;
        this.throttle = new SignInThrottle(db);
    }

    public long count() {
        return db.tx(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM agent")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Creates an agent. The first agent of an empty database may be created by nobody (bootstrap) and is
     * always an admin; after that only an admin may create agents.
     */
    public Agent create(Agent actor, AgentSpec spec, char[] password) {
        String weak = Passwords.weakness(password);
        if (weak != null) {
            throw new StoreException.Invalid(weak);
        }
        String hash = hash(password);
        return db.tx(c -> {
            boolean first = countIn(c) == 0;
            AgentSpec effective = spec;
            if (first) {
                effective = new AgentSpec(spec.username(), spec.displayName(), spec.clearance(), spec.level(),
                        spec.lead(), true, true);
            } else {
                requireAdmin(actor, "create agents");
            }
            if (findByUsername(c, effective.username()).isPresent()) {
                throw new StoreException.Invalid("There is already an agent called '" + effective.username() + "'.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO agent (username, display_name, password_hash, clearance, support_level, is_lead, is_admin,"
                            + " active, created_at, must_change_password) VALUES (?,?,?,?,?,?,?,?,?,FALSE)", Sql.ID)) {
                ps.setString(1, effective.username());
                ps.setString(2, effective.displayName());
                ps.setString(3, hash);
                ps.setString(4, effective.clearance().name());
                ps.setInt(5, effective.level().number());
                ps.setBoolean(6, effective.lead());
                ps.setBoolean(7, effective.admin());
                ps.setBoolean(8, effective.active());
                Sql.setInstant(ps, 9, db.clock().instant());
                ps.executeUpdate();
                long id = Sql.generatedId(ps);
                if (!db.postgres()) {
                    // (a team database records this itself, in the same trigger that makes the login)
                    roleChange(c, id, actor, "created: " + rolesText(effective.clearance() == Clearance.CLEARED,
                            effective.lead(), effective.admin(), effective.active()));
                }
                return new Agent(id, effective.username(), effective.displayName(), effective.clearance(),
                        effective.level(), effective.lead(), effective.admin(), effective.active());
            }
        });
    }

    /** Edits an agent (admins only). An admin cannot remove their own admin right or deactivate themselves. */
    public Agent update(Agent actor, long agentId, AgentSpec spec) {
        requireAdmin(actor, "edit agents");
        if (actor.id() == agentId && (!spec.admin() || !spec.active())) {
            throw new StoreException.Invalid("You cannot remove your own admin right or deactivate yourself.");
        }
        return db.tx(c -> {
            // The same rules the team database enforces (db/postgresql/R__access_model.sql, sd.agent_update): nobody
            // gives themselves a role, and only a cleared admin gives clearance. Rights are read as they are now.
            Agent now = byId(c, actor.id()).orElseThrow(() -> new StoreException.AccessDenied("Sign in again."));
            if (!now.admin() || !now.active()) {
                throw new StoreException.AccessDenied("Only an admin may edit agents.");
            }
            Agent before = byId(c, agentId).orElseThrow(() -> new StoreException.NotFound("No agent with id " + agentId + "."));
            boolean gainsClearance = spec.clearance() == Clearance.CLEARED && !before.cleared();
            if (actor.id() == agentId && (gainsClearance || (spec.lead() && !before.lead()))) {
                throw new StoreException.AccessDenied("Nobody can give themselves a role: ask another admin.");
            }
            if (gainsClearance && !now.cleared()) {
                throw new StoreException.AccessDenied("Only a cleared admin may give an agent security clearance.");
            }
            boolean rolesChange = (spec.clearance() == Clearance.CLEARED) != before.cleared() || spec.lead() != before.lead()
                    || spec.admin() != before.admin() || spec.active() != before.active();
            if (rolesChange && !db.postgres()) {
                roleChange(c, agentId, now, rolesText(before.cleared(), before.lead(), before.admin(), before.active())
                        + " -> " + rolesText(spec.clearance() == Clearance.CLEARED, spec.lead(), spec.admin(), spec.active()));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE agent SET display_name=?, clearance=?, support_level=?,"
                    + " is_lead=?, is_admin=?, active=? WHERE id=?")) {
                ps.setString(1, spec.displayName());
                ps.setString(2, spec.clearance().name());
                ps.setInt(3, spec.level().number());
                ps.setBoolean(4, spec.lead());
                ps.setBoolean(5, spec.admin());
                ps.setBoolean(6, spec.active());
                ps.setLong(7, agentId);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException.NotFound("No agent with id " + agentId + ".");
                }
            }
            return byId(c, agentId).orElseThrow();
        });
    }

    /**
     * Sets a password: one's own, or (admins) another agent's, who must then choose their own at their next
     * sign-in. On a team database the password is the agent's database login's, sent as a SCRAM-SHA-256 verifier
     * computed here (never in clear text), and the database checks who may set it.
     */
    public void resetPassword(Agent actor, long agentId, char[] newPassword) {
        boolean own = actor != null && actor.id() == agentId;
        if (!own) {
            requireAdmin(actor, "reset other agents' passwords");
        }
        String weak = Passwords.weakness(newPassword);
        if (weak != null) {
            throw new StoreException.Invalid(weak);
        }
        String hash = hash(newPassword);
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(db.postgres()
                    ? "UPDATE agent SET password_hash=? WHERE id=?"
                    : "UPDATE agent SET password_hash=?, must_change_password=? WHERE id=?")) {
                ps.setString(1, hash);
                if (db.postgres()) {
                    ps.setLong(2, agentId);
                } else {
                    ps.setBoolean(2, !own);
                    ps.setLong(3, agentId);
                }
                if (ps.executeUpdate() == 0) {
                    throw new StoreException.NotFound("No agent with id " + agentId + ".");
                }
            }
            if (!own && !db.postgres()) {
                roleChange(c, agentId, actor, "password reset (one-time)");
            }
        });
    }

    /** One change of an agent's roles: whose, by whom, when, what. */
    public record RoleChange(Instant at, long agentId, String agentName, Long changedBy, String changedByName,
                             String change) {
    }

    /** The role changes of one agent (or of everyone, with null), newest first: admins and team leads only. */
    public List<RoleChange> roleChanges(Agent actor, Long agentId) {
        if (actor == null || !(actor.admin() || actor.lead())) {
            throw new StoreException.AccessDenied("Only admins and team leads may see who changed whose roles.");
        }
        return db.tx(c -> {
            List<RoleChange> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT x.at, x.agent_id, a.display_name, x.changed_by,"
                    + " b.display_name, x.change FROM agent_audit x JOIN agent a ON a.id = x.agent_id"
                    + " LEFT JOIN agent b ON b.id = x.changed_by WHERE (? OR x.agent_id = ?) ORDER BY x.id DESC")) {
                ps.setBoolean(1, agentId == null);
                ps.setLong(2, agentId == null ? -1 : agentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RoleChange(Sql.instant(rs, 1), rs.getLong(2), rs.getString(3),
                                Sql.longOrNull(rs, "changed_by"), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    private void roleChange(Connection c, long agentId, Agent by, String change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO agent_audit (at, agent_id, changed_by, change) VALUES (?,?,?,?)")) {
            Sql.setInstant(ps, 1, db.clock().instant());
            ps.setLong(2, agentId);
            Sql.setLong(ps, 3, by == null || by == AccessPolicy.NOBODY ? null : by.id());
            ps.setString(4, change);
            ps.executeUpdate();
        }
    }

    /** As sd.roles_text in the team database: "cleared, lead, admin, active". */
    static String rolesText(boolean cleared, boolean lead, boolean admin, boolean active) {
        List<String> parts = new ArrayList<>();
        parts.add(cleared ? "cleared" : "not cleared");
        if (lead) {
            parts.add("lead");
        }
        if (admin) {
            parts.add("admin");
        }
        parts.add(active ? "active" : "inactive");
        return String.join(", ", parts);
    }

    /** True when the agent signs in with a one-time password and must choose their own first. */
    public boolean mustChangePassword(long agentId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT must_change_password FROM agent WHERE id=?")) {
                ps.setLong(1, agentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    private String hash(char[] password) {
        return db.postgres() ? PasswordUtil.encodeScramSha256(password) : passwords.hash(password);
    }

    /**
     * Signs in; the same message, and the same time, for an unknown user and a wrong password. On the embedded
     * database repeated failures for one user name make the next attempts wait ({@link SignInThrottle}). On a team
     * database the database checked the password when this store was opened with that user's login (throttling
     * there is the server's): this only confirms the name.
     */
    public Agent authenticate(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        if (db.postgres()) {
            Database.TeamSession s = db.session();
            if (s == null || !name.equals(s.login())) {
                throw new StoreException.AccessDenied("Unknown user name or wrong password.");
            }
            Agent a = findByUsername(name).orElseThrow(() ->
                    new StoreException.AccessDenied("The login '" + name + "' is not an agent of this desk."));
            if (!a.active()) {
                throw new StoreException.AccessDenied("The account '" + name + "' is deactivated. Ask an admin.");
            }
            return a;
        }
        throttle.check(name);
        String dummy = dummyHash(); // made before the first check, so that check costs the same for every name
        record Row(Agent agent, String hash) {
        }
        Optional<Row> row = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + ", password_hash FROM agent WHERE username=?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(map(rs), rs.getString("password_hash"))) : Optional.empty();
                }
            }
        });
        // the same work for a name nobody has as for a wrong password: checked against a hash of the same cost
        boolean ok = passwords.verify(password, row.isPresent() ? row.get().hash() : dummy);
        if (row.isEmpty() || !ok) {
            throttle.failed(name);
            throw new StoreException.AccessDenied("Unknown user name or wrong password.");
        }
        throttle.succeeded(name);
        if (!row.get().agent().active()) {
            throw new StoreException.AccessDenied("The account '" + name + "' is deactivated. Ask an admin.");
        }
        return row.get().agent();
    }

    private String dummyHash() {
        String d = dummyHash;
        if (d == null) {
            char[] nobody = new char[32];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < nobody.length; i++) {
                nobody[i] = (char) ('a' + random.nextInt(26));
            }
            d = passwords.hash(nobody);
            dummyHash = d;
        }
        return d;
    }

    public Optional<Agent> findByUsername(String username) {
        return db.tx(c -> findByUsername(c, username));
    }

    public Optional<Agent> byId(long id) {
        return db.tx(c -> byId(c, id));
    }

    public List<Agent> all() {
        return db.tx(c -> {
            List<Agent> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLS + " FROM agent ORDER BY display_name")) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    public List<Agent> active() {
        return all().stream().filter(Agent::active).toList();
    }

    static Optional<Agent> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM agent WHERE id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Agent> findByUsername(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM agent WHERE username=?")) {
            ps.setString(1, username == null ? "" : username.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static long countIn(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM agent")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Agent map(ResultSet rs) throws SQLException {
        return new Agent(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Clearance.valueOf(rs.getString("clearance")), SupportLevel.of(rs.getInt("support_level")),
                rs.getBoolean("is_lead"), rs.getBoolean("is_admin"), rs.getBoolean("active"));
    }

    static void requireAdmin(Agent actor, String what) {
        if (actor == null || !actor.admin()) {
            throw new StoreException.AccessDenied("Only an admin may " + what + ".");
        }
    }
}
