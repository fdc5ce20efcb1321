package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Contact;
import com.supportdesk.domain.PhoneNumbers;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V11 on an embedded database written before it: every stored number is read again from the text as typed,
 * the UK-only digits of old are replaced, and nothing is lost (the team database has no such past: its schema was
 * written with these columns).
 */
class PhoneNumbersMigrationTest {

    static final MigrationVersion V11 = MigrationVersion.fromVersion("11");

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    /** An embedded database at the last version before V11, with contacts as the old code wrote them. */
    private void oldDesk(String defaultRegion, String[]... contacts) throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(DataLocation.resolve(dir, null).jdbcUrl(), "sa", "");
        try {
            MigrationVersion before = Stream.of(Database.embeddedMigrations(pool).load().info().all())
                    .map(MigrationInfo::getVersion).filter(v -> v.compareTo(V11) < 0).max(MigrationVersion::compareTo)
                    .orElseThrow();
            Database.embeddedMigrations(pool).target(before).load().migrate();
            try (Connection c = pool.getConnection()) {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO customer (name, created_at) VALUES ('Acme', TIMESTAMP WITH TIME ZONE"
                            + " '2026-01-01 00:00:00Z')");
                }
                if (defaultRegion != null) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_setting VALUES (?, ?)")) {
                        ps.setString(1, PhoneNumbers.DEFAULT_REGION_SETTING);
                        ps.setString(2, defaultRegion);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact (customer_id, name, email, phone,"
                        + " phone_digits, role, verified, created_at) VALUES ((SELECT id FROM customer), ?, ?, ?, ?,"
                        + " 'REGISTERED_USER', TRUE, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z')")) {
                    for (String[] row : contacts) {
                        ps.setString(1, row[0]);
                        ps.setString(2, row[0].toLowerCase() + "@acme.example");
                        ps.setString(3, row[1]);
                        ps.setString(4, row[2]);
                        ps.executeUpdate();
                    }
                }
            }
            assertThat(Database.embeddedMigrations(pool).load().info().current().getVersion()).isLessThan(V11);
        } finally {
            pool.dispose();
        }
    }

    private static List<String> names(Store store, String typed) {
        return store.contacts().search(typed, 10).stream().map(m -> m.contact().name()).toList();
    }

    @Test
    void storedNumbersAreReadAgainFromTheTextAsTyped() throws SQLException {
        // name, phone as typed, phone_digits as the old UK-only normaliser wrote them
        oldDesk(null,
                new String[] {"Lena", "+44 (0)20 7946 0018", "02079460018"},
                new String[] {"Owen", "0044 20-7946-0019", "02079460019"},
                new String[] {"Manny", "0161 496 0103", "01614960103"},
                new String[] {"Pia", "+33 (0)1 23 45 67 89", "+330123456789"},
                new String[] {"Dara", "+353 1 234 5678", "+35312345678"},
                new String[] {"Sam", "+1 (415) 555-0100 ext. 23", "+1415555010023"},
                new String[] {"Gus", "reception, then 4471", "4471"},
                new String[] {"Nina", null, null},
                new String[] {"Stale", null, "0207"});

        try (Store store = TestStores.open(dir, clock)) {
            Contact lena = store.contacts().byEmail("lena@acme.example").orElseThrow();
            assertThat(lena.phone()).isEqualTo("+44 (0)20 7946 0018");
            assertThat(lena.phoneE164()).isEqualTo("+442079460018");
            assertThat(lena.region()).isEqualTo("GB");
            assertThat(store.contacts().byEmail("owen@acme.example").orElseThrow().phoneE164()).isEqualTo("+442079460019");
            Contact pia = store.contacts().byEmail("pia@acme.example").orElseThrow();
            assertThat(pia.phoneE164()).isEqualTo("+33123456789");
            assertThat(pia.region()).isEqualTo("FR");
            Contact dara = store.contacts().byEmail("dara@acme.example").orElseThrow();
            assertThat(dara.phoneE164()).isEqualTo("+35312345678");
            assertThat(dara.region()).isEqualTo("IE");
            Contact sam = store.contacts().byEmail("sam@acme.example").orElseThrow();
            assertThat(sam.phoneE164()).isEqualTo("+14155550100");
            assertThat(sam.phoneExtension()).isEqualTo("23");
            assertThat(sam.region()).isEqualTo("US");
            assertThat(sam.phoneText()).isEqualTo("+1 415-555-0100 ext. 23");
            // text that is no number keeps its text and its digits, and gets no E.164 form
            Contact gus = store.contacts().byEmail("gus@acme.example").orElseThrow();
            assertThat(gus.phone()).isEqualTo("reception, then 4471");
            assertThat(gus.phoneE164()).isNull();
            assertThat(gus.region()).isNull();
            assertThat(gus.phoneText()).isEqualTo("reception, then 4471");
            assertThat(store.contacts().byEmail("nina@acme.example").orElseThrow().phone()).isNull();

            // the old digits are gone: what is stored now is the number as dialled in its own country
            assertThat(column(store, "phone_digits")).containsExactly("02079460018", "02079460019", "01614960103",
                    "0123456789", "012345678", "4155550100", "4471", null, null);

            // matching now works across formats and countries
            assertThat(names(store, "+33 1 23 45 67 89")).containsExactly("Pia");
            assertThat(names(store, "0033 (0)1 23")).containsExactly("Pia");
            assertThat(names(store, "00353 1 234 5678")).containsExactly("Dara");
            assertThat(names(store, "+1 415 555 0100")).containsExactly("Sam");
            assertThat(names(store, "020 7946 0018")).containsExactly("Lena");
            assertThat(names(store, "+44 (0)20 7946 001")).containsExactly("Lena", "Owen");
            assertThat(names(store, "496 0103")).containsExactly("Manny");
            assertThat(names(store, "4471")).containsExactly("Gus");
        }
        assertThat(appliedV11()).isTrue();
    }

    @Test
    void nationalNumbersAreReadInTheDesksDefaultRegion() throws SQLException {
        oldDesk("IE", new String[] {"Dara", "01 234 5678", "012345678"},
                new String[] {"Lena", "+44 20 7946 0018", "02079460018"});
        try (Store store = TestStores.open(dir, clock)) {
            Contact dara = store.contacts().byEmail("dara@acme.example").orElseThrow();
            assertThat(dara.phoneE164()).isEqualTo("+35312345678");
            assertThat(dara.region()).isEqualTo("IE");
            assertThat(store.contacts().byEmail("lena@acme.example").orElseThrow().region()).isEqualTo("GB");
        }
    }

    @Test
    void aNewDatabaseGetsV11Too() {
        try (Store store = TestStores.open(dir, clock)) {
            assertThat(store.contacts().all()).isEmpty();
        }
        assertThat(appliedV11()).isTrue();
    }

    private static List<String> column(Store store, String name) {
        return store.database().tx(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + name + " FROM contact ORDER BY id")) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    private boolean appliedV11() {
        JdbcConnectionPool pool = JdbcConnectionPool.create(DataLocation.resolve(dir, null).jdbcUrl(), "sa", "");
        try {
            return Stream.of(Database.embeddedMigrations(pool).load().info().applied())
                    .anyMatch(i -> V11.equals(i.getVersion()) && i.getState() == MigrationState.SUCCESS
                            && i.getDescription().equals("phone numbers E164"));
        } finally {
            pool.dispose();
        }
    }
}
