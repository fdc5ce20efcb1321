package com.supportdesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether an embedded database already holds exactly the schema this build ships, told from Flyway's history table
 * with two queries. Opening such a database then skips Flyway: starting Flyway to find nothing to do took about
 * 0.3 s and 400 classes at every start of a command (issue 17: {@code ingest --once} is a fresh JVM each time).
 *
 * <p>"Exactly" means every migration of {@link #SHIPPED}, in order, successful, with the same type and checksum, and
 * nothing else. Anything different — a new file, a pending, failed, edited or newer migration — goes through Flyway
 * as before (its validation, the newer-version refusal, the backup before an upgrade). {@code EmbeddedSchemaTest}
 * fails when {@link #SHIPPED} is not what Flyway finds in {@code db/migration} and {@link PhoneNumbersMigration}.
 */
final class EmbeddedSchema {

    /** One applied migration as Flyway records it: version, type ({@code SQL}, {@code JDBC}) and checksum. */
    record Step(String version, String type, Integer checksum) {
    }

    /** The embedded schema of this build, in order (see the class comment: a test keeps it in step with Flyway). */
    static final List<Step> SHIPPED = List.of(
            new Step("1", "SQL", 303572467),
            new Step("4", "SQL", 1966412609),
            new Step("5", "SQL", -1801848952),
            new Step("6", "SQL", -1316811329),
            new Step("7", "SQL", -128911289),
            new Step("10", "SQL", 578127393),
            new Step("11", "JDBC", null),
            new Step("12", "SQL", 1043637842));

    private EmbeddedSchema() {
    }

    /** True when the database on {@code c} has exactly {@link #SHIPPED} applied (and no history table is false). */
    static boolean isCurrent(Connection c) throws SQLException {
        return SHIPPED.equals(applied(c));
    }

    /**
     * The migrations the history table records, in order; a failed one is recorded with type {@code FAILED} so it
     * never matches. Flyway's own marker row (the table's creation, no version) is left out. Empty without the table.
     */
    static List<Step> applied(Connection c) throws SQLException {
        List<Step> steps = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return steps;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT \"version\", \"type\", \"checksum\", \"success\""
                    + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    String version = rs.getString(1);
                    String type = rs.getString(2);
                    if (version == null && "TABLE".equals(type)) {
                        continue;
                    }
                    int checksum = rs.getInt(3);
                    Integer sum = rs.wasNull() ? null : checksum;
                    steps.add(new Step(Objects.toString(version), rs.getBoolean(4) ? type : "FAILED", sum));
                }
            }
        }
        return steps;
    }
}
