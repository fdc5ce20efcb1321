package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema upgrade of the embedded database is backed up first, and a failed one leaves the database as it was. */
class DatabaseUpgradeTest {

    /** A deliberately failing migration on the test class path only (src/test/resources/db/broken-upgrade). */
    static final List<String> BROKEN = List.of("classpath:db/broken-upgrade");

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    @Test
    void aFailedUpgradeIsPutBackFromTheBackupTakenFirstAndSaysWhereItIs() throws Exception {
        long id;
        try (Store store = TestStores.open(dir, clock)) {
            id = store.changes().create(null, NewTicket.of("still here", Severity.S2, Channel.AGENT, clock.instant())).id();
        }
        String url = DataLocation.embeddedUrl(dir);
        int historyBefore = count(url, "SELECT COUNT(*) FROM \"flyway_schema_history\"");

        assertThatThrownBy(() -> Database.open(DataLocation.resolve(dir, null), clock, BROKEN))
                .isInstanceOf(StoreException.UpgradeFailed.class)
                .hasMessageContaining("to schema version 9000 failed")
                .hasMessageContaining("NO_SUCH_TABLE")
                .hasMessageContaining("put back as it was")
                .hasMessageContaining(dir.resolve("backups").resolve("before-upgrade-to-9000-2026-11-25-100000.zip").toString());

        assertThat(dir.resolve("backups").resolve("before-upgrade-to-9000-2026-11-25-100000.zip")).exists();
        // what the broken migration had already committed is gone, the history is as before
        assertThat(count(url, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'HALF_DONE'")).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'HALF_DONE_FLAG'")).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(historyBefore);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("supportdesk.failed-upgrade.mv.db");
        }
        // and the desk opens as before, with its data
        try (Store store = TestStores.open(dir, clock)) {
            Ticket t = store.tickets().get(AccessPolicy.NOBODY, id);
            assertThat(t.subject()).isEqualTo("still here");
        }
        assertThat(OwnerOnly.isRestricted(dir.resolve("supportdesk.mv.db"))).isTrue();
    }

    @Test
    void aNewDatabaseNeedsNoBackupAndAnUpToDateOneTakesNone() {
        TestStores.open(dir, clock).close();
        TestStores.open(dir, clock).close();
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    private static int count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
