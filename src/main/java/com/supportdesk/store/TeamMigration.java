package com.supportdesk.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.util.PasswordUtil;

/**
 * Moves an embedded desk (the H2 file in a data folder) into a freshly initialised team database:
 * {@code support-desk team migrate}. Every row of every table is copied with its id (so refs SD-n stay the same),
 * through the import functions of the access model (db/postgresql/R__access_model.sql, section "team migrate";
 * docs/decisions/007-moving-a-desk-up.md), in ONE transaction of the signed-in admin: all of it or nothing.
 *
 * <p>The source is opened read-only as it is (never migrated or changed), which also fails plainly when another
 * process has it open. Before the commit, each table's row count and digest over a canonical form of its rows
 * (see {@link Canon}) is computed here over the source and by the database over what it stored; if any differ,
 * the transaction is rolled back. Passwords cannot move (PBKDF2 hashes on H2, SCRAM logins on PostgreSQL): every
 * active agent but the importing admin gets a new login with a random one-time password, written to an owner-only
 * file, and must choose their own at first sign-in.
 */
public final class TeamMigration {

    /** One table compared: rows and digest (SHA-256, hex) of the source desk and of the team database. */
    public record TableCheck(String table, long sourceRows, String sourceChecksum, long targetRows,
                             String targetChecksum) {
        public boolean matches() {
            return sourceRows == targetRows && sourceChecksum != null && sourceChecksum.equals(targetChecksum);
        }
    }

    /**
     * What a run did. When {@code matched} is false nothing was kept in the team database and no password file
     * is left behind.
     *
     * @param oneTimePasswords user names given a one-time password (in {@code passwordFile})
     * @param inactive         user names moved as inactive (a login that cannot sign in, no password)
     */
    public record Result(List<TableCheck> tables, boolean matched, Path passwordFile, List<String> oneTimePasswords,
                         List<String> inactive) {
    }

    private static final String SOURCE_DB = DataLocation.DB_NAME;
    private static final int BATCH_ROWS = 500;
    private static final int BATCH_CHARS = 4 * 1024 * 1024;
    private static final int PASSWORD_LENGTH = 20;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path sourceDir;
    private final Clock clock;
    /** Runs in the import transaction just before the comparison (tests change a row there to see it caught). */
    private final Database.SqlRunnable beforeChecks;

    public TeamMigration(Path sourceDir, Clock clock) {
        this(sourceDir, clock, c -> { });
    }

    TeamMigration(Path sourceDir, Clock clock, Database.SqlRunnable beforeChecks) {
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.clock = clock;
        this.beforeChecks = beforeChecks;
    }

    /** The file the one-time passwords go to when the caller names none: in the (owner-only) source folder. */
    public Path defaultPasswordFile() {
        return sourceDir.resolve("one-time-passwords-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant()) + ".txt");
    }

    /**
     * Copies the desk into {@code target}, which must be signed in as an admin of a freshly initialised team
     * database.
     *
     * @param passwordFile where the one-time passwords go (must not exist), or null for {@link #defaultPasswordFile}
     */
    public Result run(Database target, Path passwordFile) {
        if (!target.postgres()) {
            throw new IllegalArgumentException("the target is not a team database");
        }
        Database.TeamSession session = target.session();
        if (session == null || !session.admin()) {
            throw new StoreException.AccessDenied((session == null ? "This login" : session.login())
                    + " is not an admin of the team database: only an admin may move a desk into it.");
        }
        Path file = (passwordFile != null ? passwordFile : defaultPasswordFile()).toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new StoreException.Invalid("The file " + file + " already exists: name another with --passwords-file."
                    + " Nothing was changed.");
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new StoreException.Invalid("There is no folder " + file.getParent() + " for the one-time passwords.");
        }
        try (Source source = Source.open(sourceDir)) {
            source.checkSchema();
            List<SourceAgent> agents = source.agents();
            SourceAgent self = agents.stream().filter(a -> a.username().equals(session.login())).findFirst()
                    .orElseThrow(() -> new StoreException.Invalid(session.login() + " is not an agent of the desk in "
                            + sourceDir + ". Sign in as the admin that 'team init --admin USER' created, with the user"
                            + " name they have on the desk you are moving. Nothing was changed."));
            if (!session.cleared()) {
                String sensitive = source.sensitiveContent(self.username());
                if (sensitive != null) {
                    throw new StoreException.AccessDenied("The desk in " + sourceDir + " holds " + sensitive + ": only a"
                            + " cleared admin may move it, and " + session.login() + " is not cleared. Nothing was changed.");
                }
            }
            Map<String, String> oneTime = new LinkedHashMap<>();
            List<String> inactive = new ArrayList<>();
            for (SourceAgent a : agents) {
                if (a == self) {
                    continue;
                }
                if (a.active()) {
                    oneTime.put(a.username(), oneTimePassword());
                } else {
                    inactive.add(a.username());
                }
            }
            boolean[] written = {false};
            try {
                return target.tx(c -> {
                    begin(c);
                    if (!oneTime.isEmpty()) {
                        writePasswords(file, target.location().displayUrl(), oneTime);
                        written[0] = true;
                    }
                    Map<String, Digest> digests = new LinkedHashMap<>();
                    importAgents(c, agents, self, oneTime, digests);
                    for (TableSpec t : TABLES) {
                        digests.put(t.name(), source.copy(t, rows -> importRows(c, t.name(), rows)));
                    }
                    beforeChecks.run(c);
                    List<TableCheck> checks = compare(c, digests);
                    Result result = new Result(checks, checks.stream().allMatch(TableCheck::matches),
                            oneTime.isEmpty() ? null : file,
                            List.copyOf(oneTime.keySet()), List.copyOf(inactive));
                    if (!result.matched()) {
                        throw new Mismatch(result);
                    }
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT sd.import_end()");
                    }
                    return result;
                });
            } catch (Mismatch m) {
                deleteQuietly(file);
                return new Result(m.result.tables(), false, null, List.of(), List.of());
            } catch (RuntimeException e) {
                if (written[0]) {
                    deleteQuietly(file);
                }
                throw e;
            }
        }
    }

    private void begin(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sd.import_begin(?)")) {
            ps.setString(1, "the desk in " + sourceDir);
            ps.executeQuery().close();
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new StoreException.Unreachable("Another session is writing to the team database: a desk is moved in"
                        + " while nobody else uses it. Close the other desks and try again. Nothing was changed.", e);
            }
            throw e;
        }
    }

    private void importAgents(Connection c, List<SourceAgent> agents, SourceAgent self, Map<String, String> oneTime,
                              Map<String, Digest> digests) throws SQLException {
        Digest all = new Digest();
        Digest roles = new Digest();
        List<SourceAgent> ordered = new ArrayList<>();
        ordered.add(self); // first: the admin's own row takes its desk id before the others arrive
        agents.stream().filter(a -> a != self).forEach(ordered::add);
        try (PreparedStatement ps = c.prepareStatement("SELECT sd.import_agent(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SourceAgent a : ordered) {
                boolean me = a == self;
                ps.setLong(1, a.id());
                ps.setString(2, a.username());
                ps.setString(3, a.displayName());
                ps.setInt(4, a.level());
                ps.setObject(5, OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC));
                String password = oneTime.get(a.username());
                if (password == null) {
                    ps.setNull(6, Types.VARCHAR);
                } else {
                    ps.setString(6, PasswordUtil.encodeScramSha256(password.toCharArray()));
                }
                setFlag(ps, 7, me ? null : a.cleared());
                setFlag(ps, 8, me ? null : a.lead());
                setFlag(ps, 9, me ? null : a.admin());
                setFlag(ps, 10, me ? null : a.active());
                ps.executeQuery().close();
            }
        }
        for (SourceAgent a : agents) {
            all.add(new Object[] {a.id(), a.username(), a.displayName(), (long) a.level(), a.createdAt()});
            if (a != self) {
                roles.add(new Object[] {a.username(), a.cleared(), a.lead(), a.admin(), a.active()});
            }
        }
        digests.put("agent", all);
        digests.put("agent roles", roles);
    }

    private static void setFlag(PreparedStatement ps, int i, Boolean v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, v);
        }
    }

    private static void importRows(Connection c, String table, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sd.import_rows(?, ?::jsonb)")) {
            ps.setString(1, table);
            ps.setString(2, json);
            ps.executeQuery().close();
        }
    }

    private static List<TableCheck> compare(Connection c, Map<String, Digest> source) throws SQLException {
        Map<String, long[]> targetRows = new LinkedHashMap<>();
        Map<String, String> targetSums = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name, row_count, checksum FROM sd.import_checksums()")) {
            while (rs.next()) {
                targetRows.put(rs.getString(1), new long[] {rs.getLong(2)});
                targetSums.put(rs.getString(1), rs.getString(3));
            }
        }
        Set<String> names = new LinkedHashSet<>(targetRows.keySet()); // the database's order: tables before their users
        names.addAll(source.keySet());
        List<TableCheck> out = new ArrayList<>();
        for (String name : names) {
            Digest d = source.get(name);
            long[] n = targetRows.get(name);
            out.add(new TableCheck(name, d == null ? -1 : d.rows(), d == null ? null : d.finish(), n == null ? -1 : n[0],
                    targetSums.get(name)));
        }
        return out;
    }

    private static void writePasswords(Path file, String url, Map<String, String> oneTime) {
        try {
            OwnerOnly.newFile(file);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# Support Desk: one-time passwords for the team database " + url + "\n");
                w.write("# Give each agent their own line only, by a safe channel; then delete this file.\n");
                w.write("# Each one works until its agent chooses their own password, which they must do at first sign-in:\n");
                w.write("#   support-desk --db-url " + url + " agent password --user USERNAME\n");
                for (Map.Entry<String, String> e : oneTime.entrySet()) {
                    w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreException.Invalid("The file " + file + " already exists: name another with --passwords-file.");
        } catch (IOException e) {
            throw new StoreException("Cannot write the one-time passwords to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing was kept in the database, so its passwords open nothing
        }
    }

    static String oneTimePassword() {
        char[] pw = new char[PASSWORD_LENGTH];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length()));
        }
        return new String(pw);
    }

    /** Thrown inside the import transaction to roll it back when the comparison failed. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Result result;

        Mismatch(Result result) {
            super("the copy differs from the source", null, false, false);
            this.result = result;
        }
    }

    // ------------------------------------------------------------------------------------------- the tables

    enum Kind { TEXT, LONG, BOOL, INSTANT, DATE, BYTES }

    /** A column copied, and part of the table's canonical digest (the same column list sd.import_checksums reads). */
    record Column(String name, Kind kind) {
    }

    /**
     * A table copied as it is, in this order (each refers only to tables before it), and its canonical columns in
     * the order sd.import_checksums uses. {@code key}: the single id column paged through, or null for a small table
     * read at once in {@code order}.
     */
    record TableSpec(String name, String key, String order, List<Column> columns) {
    }

    private static Column t(String name) {
        return new Column(name, Kind.TEXT);
    }

    private static Column n(String name) {
        return new Column(name, Kind.LONG);
    }

    private static Column b(String name) {
        return new Column(name, Kind.BOOL);
    }

    private static Column ts(String name) {
        return new Column(name, Kind.INSTANT);
    }

    private static Column bytes(String name) {
        return new Column(name, Kind.BYTES);
    }

    private static TableSpec byId(String name, Column... columns) {
        return new TableSpec(name, "id", "id", List.of(columns));
    }

    static final List<TableSpec> TABLES = List.of(
            byId("customer", n("id"), t("name"), b("government"), n("training_sessions_contracted"), ts("created_at")),
            byId("contact", n("id"), n("customer_id"), t("name"), t("email"), t("phone"), t("phone_digits"), t("role"),
                    b("verified"), ts("created_at"), t("phone_e164"), t("phone_ext"), t("region")),
            byId("agent_audit", n("id"), ts("at"), n("agent_id"), n("changed_by"), t("change")),
            byId("policy_version", n("id"), ts("effective_from"), n("s1_seconds"), n("s2_seconds"), n("s3_seconds"),
                    t("zone_id"), t("opens"), t("closes"), t("region"), t("extra_closures"), t("removed_holidays"),
                    t("note"), ts("created_at"), n("created_by")),
            byId("ticket", n("id"), t("subject"), n("customer_id"), n("contact_id"), n("severity"), n("support_level"),
                    t("status"), t("classification"), t("channel"), ts("received"), ts("deadline"), ts("first_contact_at"),
                    t("first_contact_event"), n("assignee_id"), b("needs_triage"), b("needs_cleared_agent"),
                    ts("resolved_at"), ts("created_at"), ts("updated_at"), n("updated_by"), n("version")),
            byId("ticket_event", n("id"), n("ticket_id"), ts("at"), n("agent_id"), t("kind"), t("detail")),
            byId("message", n("id"), n("ticket_id"), t("kind"), t("direction"), t("message_id"), t("in_reply_to"),
                    t("references_ids"), t("from_addr"), t("to_addr"), t("subject"), ts("sent_at"), t("body"),
                    bytes("raw_source"), n("author_agent_id"), ts("created_at"), t("raw_sha256"), b("unknown_sender")),
            byId("attachment", n("id"), n("message_id"), t("filename"), t("content_type"), n("size_bytes"), b("too_large"),
                    bytes("content")),
            byId("phone_call", n("id"), n("ticket_id"), n("operator_id"), n("contact_id"), t("direction"), ts("started"),
                    ts("ended"), t("notes"), b("draft"), t("draft_state"), ts("updated_at")),
            new TableSpec("mail_checkpoint", null, "account, folder", List.of(t("account"), t("folder"),
                    n("uid_validity"), n("last_uid"), ts("updated_at"))),
            byId("quarantine", n("id"), t("account"), t("folder"), n("uid"), ts("received"), t("reason"),
                    bytes("raw_source"), ts("created_at"), ts("resolved_at"), t("resolution"), t("category"),
                    t("message_key"), t("raw_sha256"), t("sender"), t("subject"), b("sensitive")),
            byId("training_session", n("id"), n("customer_id"), new Column("held_on", Kind.DATE), t("topic"),
                    t("attendees"), t("delivered_by"), ts("created_at")),
            byId("outage", n("id"), n("customer_id"), ts("started"), ts("ended"), t("description"), b("scheduled"),
                    ts("created_at")),
            new TableSpec("outage_ticket", null, "outage_id, ticket_id", List.of(n("outage_id"), n("ticket_id"))),
            byId("access_audit", n("id"), ts("at"), n("agent_id"), n("ticket_id"), n("quarantine_id"), t("view_name")),
            new TableSpec("app_setting", null, "setting_key", List.of(t("setting_key"), t("setting_value"))),
            byId("saved_reply", n("id"), n("owner_id"), t("name"), t("shortcut"), t("body"), b("sensitive_ok"),
                    b("first_response"), ts("created_at"), ts("updated_at"), n("updated_by"), n("version")),
            new TableSpec("agent_signature", "agent_id", "agent_id", List.of(n("agent_id"), t("body"), ts("updated_at"))));

    /**
     * Tables of the embedded desk that knowingly stay behind, with their columns: the sign-in throttle (V7), since on a
     * team database PostgreSQL checks passwords (and throttling is the server's).
     */
    static final Map<String, Set<String>> STAYS_BEHIND = Map.of("sign_in_failure",
            Set.of("username", "failures", "last_failed_at", "locked_until"));

    /** Agent columns: the copied ones, then those that become the login's roles or cannot move (the password). */
    static final List<String> AGENT_COLUMNS = List.of("id", "username", "display_name", "support_level", "created_at",
            "clearance", "is_lead", "is_admin", "active", "password_hash", "must_change_password");

    /** Every table of the embedded desk and its columns, as this class knows them (a test compares the real schema). */
    static Map<String, Set<String>> knownColumns() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.put("agent", new TreeSet<>(AGENT_COLUMNS));
        for (TableSpec t : TABLES) {
            Set<String> cols = new TreeSet<>();
            t.columns().forEach(c -> cols.add(c.name()));
            out.put(t.name(), cols);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ canonical digests

    /**
     * The canonical form both sides agree on (sd.import_row and friends compute the same in the database): a value
     * is its text (instants as microseconds since 1970, booleans true/false, dates YYYY-MM-DD, bytes as their
     * SHA-256 in hex); a row is the SHA-256 of its fields, each "N|" when null or "V" LENGTH ":" TEXT "|" (LENGTH in
     * UTF-8 bytes); a table is the SHA-256 of its rows' digests in hex, sorted, joined by newlines.
     */
    static final class Canon {
        private Canon() {
        }

        static String text(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof Instant i) {
                return Long.toString(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000));
            }
            if (v instanceof byte[] b) {
                return HexFormat.of().formatHex(sha256().digest(b));
            }
            return v.toString(); // String, Long, Boolean, LocalDate (ISO)
        }

        static byte[] row(Object[] values) {
            MessageDigest md = sha256();
            for (Object v : values) {
                String s = text(v);
                if (s == null) {
                    md.update("N|".getBytes(StandardCharsets.US_ASCII));
                } else {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    md.update(("V" + utf8.length + ":").getBytes(StandardCharsets.US_ASCII));
                    md.update(utf8);
                    md.update((byte) '|');
                }
            }
            return md.digest();
        }

        static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One table's rows digested, in any order. */
    static final class Digest {
        private final List<byte[]> rows = new ArrayList<>();

        void add(Object[] values) {
            rows.add(Canon.row(values));
        }

        long rows() {
            return rows.size();
        }

        String finish() {
            List<byte[]> sorted = new ArrayList<>(rows);
            sorted.sort(Arrays::compareUnsigned); // the order of their hex forms
            MessageDigest md = Canon.sha256();
            HexFormat hex = HexFormat.of();
            for (int i = 0; i < sorted.size(); i++) {
                if (i > 0) {
                    md.update((byte) '\n');
                }
                md.update(hex.formatHex(sorted.get(i)).getBytes(StandardCharsets.US_ASCII));
            }
            return hex.formatHex(md.digest());
        }
    }

    // ------------------------------------------------------------------------------------------- the source

    record SourceAgent(long id, String username, String displayName, int level, Instant createdAt, boolean cleared,
                       boolean lead, boolean admin, boolean active) {
    }

    /** A batch of rows as a JSON array, for sd.import_rows. */
    @FunctionalInterface
    interface BatchSink {
        void accept(String json) throws SQLException;
    }

    /** The embedded desk, opened read-only. */
    static final class Source implements AutoCloseable {
        private final Path dir;
        private final Path file;
        private final Connection c;
        private final JdbcDataSource ds;

        private Source(Path dir, Path file, JdbcDataSource ds, Connection c) {
            this.dir = dir;
            this.file = file;
            this.ds = ds;
            this.c = c;
        }

        static Source open(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new StoreException.NotFound("There is no folder " + dir + ".");
            }
            Path file = dir.resolve(SOURCE_DB + ".mv.db");
            if (!Files.isRegularFile(file)) {
                throw new StoreException.NotFound("There is no Support Desk database in " + dir + " (no " + file.getFileName()
                        + " there). Give the data folder of the desk to move with --from-data-dir.");
            }
            JdbcDataSource ds = new JdbcDataSource();
            // read-only: the desk is left exactly as it is (and another process cannot open it meanwhile)
            ds.setURL("jdbc:h2:file:" + dir.resolve(SOURCE_DB) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE");
            ds.setUser("sa");
            ds.setPassword("");
            try {
                Connection c = ds.getConnection();
                c.setAutoCommit(false);
                return new Source(dir, file, ds, c);
            } catch (SQLException e) {
                throw translate(dir, file, e);
            }
        }

        private static StoreException translate(Path dir, Path file, SQLException e) {
            switch (e.getErrorCode()) {
                case 90020: // DATABASE_ALREADY_OPEN_1
                    return new StoreException.DatabaseInUse("The desk in " + dir + " is open in another Support Desk"
                            + " process. Close it first: it is moved while nobody can change it. Nothing was changed.", e);
                case 90048: // FILE_VERSION_ERROR_1
                    return new StoreException.NewerVersion("The desk in " + dir + " was written by a newer version of"
                            + " Support Desk (or of its database engine). Move it with that version. Nothing was changed.", e);
                case 28000: // WRONG_USER_OR_PASSWORD
                    return new StoreException.Invalid("The database " + file + " is not a Support Desk database (it refused"
                            + " Support Desk's sign-in). Nothing was changed.");
                case 90146: // DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
                    return new StoreException.NotFound("There is no Support Desk database in " + dir + ".");
                default:
                    return new StoreException.Damaged("The file " + file + " is not a Support Desk database or is damaged."
                            + " It was left untouched.", e);
            }
        }

        private StoreException notOurs() {
            return new StoreException.Invalid("The database in " + dir + " is not a Support Desk database. Nothing was"
                    + " changed.");
        }

        /** The desk must be at this version's schema: not newer (unknown data), not older (opening it updates it). */
        void checkSchema() {
            try {
                Map<String, Set<String>> actual = columns();
                if (!actual.containsKey("flyway_schema_history") || !actual.containsKey("ticket")) {
                    throw notOurs();
                }
                // the desk's own migrations, the Java ones (V11) included
                Flyway flyway = Database.embeddedMigrations(ds).load();
                MigrationInfo[] all = flyway.info().all();
                String latest = Arrays.stream(all)
                        .filter(i -> i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED)
                        .map(MigrationInfo::getVersion).filter(v -> v != null).max(Comparable::compareTo)
                        .map(Object::toString).orElse("none");
                for (MigrationInfo i : all) {
                    if (i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED) {
                        throw new StoreException.NewerVersion("The desk in " + dir + " was written by a newer version of"
                                + " Support Desk (database schema version " + i.getVersion() + "; this program knows up to "
                                + latest + "). Move it with that version. Nothing was changed.", null);
                    }
                }
                for (MigrationInfo i : all) {
                    if (i.getState() == MigrationState.PENDING || i.getState() == MigrationState.FAILED) {
                        throw new StoreException.NeedsUpgrade("The desk in " + dir + " is from an older version of Support"
                                + " Desk (it lacks schema version " + i.getVersion() + "). Open it once with this version"
                                + " (it is brought up to date as it opens), close it, then move it. Nothing was changed.");
                    }
                }
                Map<String, Set<String>> known = knownColumns();
                for (String table : known.keySet()) {
                    if (!actual.containsKey(table)) {
                        throw notOurs();
                    }
                }
                for (Map.Entry<String, Set<String>> e : actual.entrySet()) {
                    if (e.getKey().equals("flyway_schema_history")) {
                        continue;
                    }
                    Set<String> expected = known.containsKey(e.getKey()) ? known.get(e.getKey()) : STAYS_BEHIND.get(e.getKey());
                    if (expected == null || !expected.equals(e.getValue())) {
                        throw new StoreException.Invalid("The desk in " + dir + " has a table this version cannot move ("
                                + e.getKey() + ": " + e.getValue() + "). Nothing was changed.");
                    }
                }
            } catch (FlywayException e) {
                throw new StoreException("Could not read the schema version of the desk in " + dir + ": "
                        + Database.firstLine(e.getMessage()), e);
            } catch (SQLException e) {
                throw translate(dir, file, e);
            }
        }

        /** Tables of the PUBLIC schema and their columns, lower case. */
        Map<String, Set<String>> columns() throws SQLException {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TABLE_NAME, COLUMN_NAME"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                            .add(rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
            return out;
        }

        List<SourceAgent> agents() {
            List<SourceAgent> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, username, display_name,"
                    + " support_level, created_at, clearance, is_lead, is_admin, active FROM agent ORDER BY id")) {
                while (rs.next()) {
                    out.add(new SourceAgent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), "CLEARED".equals(rs.getString(6)),
                            rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)));
                }
            } catch (SQLException e) {
                throw translate(dir, file, e);
            }
            return out;
        }

        /** What only a cleared admin may move, in words (null: nothing). The importing admin's own clearance is not moved. */
        String sensitiveContent(String self) {
            List<String> parts = new ArrayList<>();
            try {
                count("SELECT COUNT(*) FROM ticket WHERE classification <> 'OFFICIAL'", null, "Official Sensitive ticket(s)", parts);
                count("SELECT COUNT(*) FROM quarantine WHERE sensitive", null, "quarantined Official Sensitive message(s)", parts);
                count("SELECT COUNT(*) FROM agent WHERE clearance = 'CLEARED' AND username <> ?", self, "cleared agent(s)", parts);
            } catch (SQLException e) {
                throw translate(dir, file, e);
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }

        private void count(String sql, String arg, String what, List<String> parts) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        parts.add(rs.getLong(1) + " " + what);
                    }
                }
            }
        }

        /** Reads the table in key order, hands it on in JSON batches and returns its digest. */
        Digest copy(TableSpec t, BatchSink sink) throws SQLException {
            Digest digest = new Digest();
            String cols = String.join(", ", t.columns().stream().map(Column::name).toList());
            Batch batch = new Batch(t);
            if (t.key() == null) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + t.name() + " ORDER BY " + t.order())) {
                    while (rs.next()) {
                        batch.add(read(t, rs), digest, sink);
                    }
                }
            } else {
                long after = Long.MIN_VALUE;
                boolean more = true;
                try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + t.name() + " WHERE " + t.key()
                        + " > ? ORDER BY " + t.key() + " LIMIT " + BATCH_ROWS)) {
                    while (more) {
                        ps.setLong(1, after);
                        more = false;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                Object[] row = read(t, rs);
                                after = (Long) row[0];
                                more = true;
                                batch.add(row, digest, sink);
                            }
                        }
                    }
                }
            }
            batch.flush(sink);
            return digest;
        }

        private Object[] read(TableSpec t, ResultSet rs) throws SQLException {
            Object[] row = new Object[t.columns().size()];
            for (int i = 0; i < row.length; i++) {
                Column col = t.columns().get(i);
                int j = i + 1;
                row[i] = switch (col.kind()) {
                    case TEXT -> {
                        String s = rs.getString(j);
                        if (s != null && s.indexOf('\0') >= 0) {
                            throw new StoreException.Invalid("The desk's " + t.name() + " row " + row[0] + " has a NUL"
                                    + " character in " + col.name() + ", which PostgreSQL cannot store. Nothing was changed.");
                        }
                        yield s;
                    }
                    case LONG -> {
                        long v = rs.getLong(j);
                        yield rs.wasNull() ? null : v;
                    }
                    case BOOL -> {
                        boolean v = rs.getBoolean(j);
                        yield rs.wasNull() ? null : v;
                    }
                    case INSTANT -> {
                        OffsetDateTime v = rs.getObject(j, OffsetDateTime.class);
                        yield v == null ? null : v.toInstant();
                    }
                    case DATE -> rs.getObject(j, LocalDate.class);
                    case BYTES -> rs.getBytes(j);
                };
            }
            return row;
        }

        @Override
        public void close() {
            try {
                c.rollback();
                c.close();
            } catch (SQLException ignored) {
                // read-only: nothing to lose
            }
        }
    }

    /** Rows of one table collected as a JSON array of objects keyed by column name. */
    private static final class Batch {
        private static final JsonFactory JSON = new JsonFactory();
        private final TableSpec table;
        private StringWriter text;
        private JsonGenerator json;
        private int rows;

        Batch(TableSpec table) {
            this.table = table;
            reset();
        }

        private void reset() {
            try {
                text = new StringWriter();
                json = JSON.createGenerator(text);
                json.writeStartArray();
                rows = 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(Object[] row, Digest digest, BatchSink sink) throws SQLException {
            digest.add(row);
            try {
                json.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    Column col = table.columns().get(i);
                    Object v = row[i];
                    json.writeFieldName(col.name());
                    if (v == null) {
                        json.writeNull();
                    } else if (v instanceof Long l) {
                        json.writeNumber(l);
                    } else if (v instanceof Boolean b) {
                        json.writeBoolean(b);
                    } else if (v instanceof byte[] b) {
                        json.writeString("\\x" + HexFormat.of().formatHex(b));
                    } else {
                        json.writeString(v.toString()); // text; instants and dates in ISO form
                    }
                }
                json.writeEndObject();
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
            if (rows >= BATCH_ROWS || text.getBuffer().length() >= BATCH_CHARS) {
                flush(sink);
            }
        }

        void flush(BatchSink sink) throws SQLException {
            if (rows == 0) {
                return;
            }
            try {
                json.writeEndArray();
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sink.accept(text.toString());
            reset();
        }
    }
}
