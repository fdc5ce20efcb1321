package com.supportdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The team database's schema version, checked when a desk signs in. Desks never migrate a team database (an
 * agent's login could not); the owner does, with {@code team init} or {@code team upgrade}.
 */
final class TeamSchema {

    /**
     * The highest versioned migration in src/main/resources/db/postgresql. Bump it with every new V file (a
     * test checks the two agree); a change to R__access_model.sql ships with a versioned migration too, so
     * desks can tell an old access model from a new one.
     */
    static final int VERSION = 5;

    private TeamSchema() {
    }

    static void check(Database db) {
        int found = db.tx(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM sd.schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.equals("42P01") || state.equals("3F000") || state.equals("42501")) {
                    throw new StoreException.NeedsUpgrade("The database at " + db.location().displayUrl()
                            + " is not set up for Support Desk, or this login may not use it. The database's owner runs"
                            + " 'support-desk --db-url " + db.location().displayUrl() + " team init --owner OWNER"
                            + " --admin USER' once.");
                }
                throw e;
            }
        });
        if (found > VERSION) {
            throw new StoreException.NewerVersion("The team database at " + db.location().displayUrl()
                    + " was set up by a newer version of Support Desk (schema " + found + "; this program knows up to "
                    + VERSION + "). Install the newer Support Desk.", null);
        }
        if (found < VERSION) {
            throw new StoreException.NeedsUpgrade("The team database at " + db.location().displayUrl()
                    + " is at schema " + found + "; this Support Desk needs " + VERSION + ". The database's owner runs"
                    + " 'support-desk --db-url " + db.location().displayUrl() + " team upgrade --owner OWNER'.");
        }
    }
}
