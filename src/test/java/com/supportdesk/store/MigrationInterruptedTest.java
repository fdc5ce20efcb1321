package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk killed in the middle of creating or upgrading its database (H2 has already committed part of a migration)
 * opens on the next start, with its data: see {@link MigrationJournal}. Before it, every later start failed with
 * "Duplicate column name" for ever.
 */
class MigrationInterruptedTest {

    static final List<String> PAUSE = List.of("classpath:db/pause-for-kill");

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    @Test
    void aCreationKilledHalfWayIsMadeAgainOnTheNextStart() throws Exception {
        killDuringMigration();
        assertThat(dir.resolve(MigrationJournal.FILE)).exists();

        Database.open(DataLocation.resolve(dir, null), clock, PAUSE).close();

        assertThat(dir.resolve(MigrationJournal.FILE)).doesNotExist();
        assertThat(dir.resolve("supportdesk.interrupted-create.mv.db")).exists(); // kept, never deleted
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'PAUSED_FLAG'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '9001' AND \"success\""))
                .isEqualTo(1);
    }

    @Test
    void anUpgradeKilledHalfWayIsPutBackFromItsBackupAndRunAgainWithTheDataKept() throws Exception {
        long id;
        try (Store store = TestStores.open(dir, clock)) {
            id = store.changes().create(null, NewTicket.of("before the upgrade", Severity.S2, Channel.AGENT,
                    clock.instant())).id();
        }
        killDuringMigration();
        assertThat(Files.readString(dir.resolve(MigrationJournal.FILE))).contains("before-upgrade-to-9001");

        Database db = Database.open(DataLocation.resolve(dir, null), clock, PAUSE);
        db.close();

        assertThat(dir.resolve(MigrationJournal.FILE)).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'PAUSED_FLAG'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE id = " + id + " AND subject = 'before the upgrade'"))
                .isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("supportdesk.failed-upgrade.mv.db");
        }
        assertThat(OwnerOnly.isRestricted(dir.resolve("supportdesk.mv.db"))).isTrue();
    }

    @Test
    void aDatabaseThatAnotherProcessHoldsIsNeverTouchedEvenWithAJournal() throws Exception {
        TestStores.open(dir, clock).close();
        Process child = ChildJvm.start(StoreChild.class, "hold", dir.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
            // a journal beside a database in use (another process is creating or upgrading it, say)
            Files.writeString(dir.resolve(MigrationJournal.FILE), MigrationJournal.NEW);
            assertThatThrownBy(() -> TestStores.open(dir, clock)).isInstanceOf(StoreException.DatabaseInUse.class);
            assertThat(dir.resolve("supportdesk.mv.db")).exists();
            assertThat(dir.resolve("supportdesk.interrupted-create.mv.db")).doesNotExist();
            assertThat(dir.resolve(MigrationJournal.FILE)).exists();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJournalWhoseWriterStillRunsIsLeftAlone() throws Exception {
        TestStores.open(dir, clock).close();
        ProcessHandle me = ProcessHandle.current();
        Files.writeString(dir.resolve(MigrationJournal.FILE), MigrationJournal.NEW + "\n" + me.pid() + "\n"
                + me.info().startInstant().map(Object::toString).orElse("") + "\n");
        TestStores.open(dir, clock).close(); // another thread of this process is creating it, as far as it knows
        assertThat(dir.resolve("supportdesk.interrupted-create.mv.db")).doesNotExist();
        assertThat(dir.resolve(MigrationJournal.FILE)).exists();
    }

    @Test
    void threadsOpeningOneNewFileAtOnceAllOpenIt() throws Exception {
        // a gateway and a desk in one JVM (IngestCommandTest polls the store while ingest --watch creates it)
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 4; round++) {
                Path fresh = dir.resolve("round" + round);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> opened = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    opened.add(threads.submit(() -> {
                        go.await();
                        TestStores.open(fresh, clock).close();
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : opened) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertThat(fresh.resolve(MigrationJournal.FILE)).doesNotExist();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFinishedMigrationLeavesNoJournal() throws Exception {
        TestStores.open(dir, clock).close();
        assertThat(dir.resolve(MigrationJournal.FILE)).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(MigrationJournal.FILE));
        }
    }

    private void killDuringMigration() throws Exception {
        Process child = ChildJvm.start(List.of("-Xmx256m", "-DpauseForKill=true"), MigrationKillChild.class,
                dir.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("PAUSED");
        } finally {
            child.destroyForcibly(); // SIGKILL half-way through the migration
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(DataLocation.embeddedUrl(dir), "sa", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
