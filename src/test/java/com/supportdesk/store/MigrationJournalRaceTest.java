package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two openers of one fresh database in one process (the mail gateway and a reader, as in IngestCommandTest's watch
 * tests) both write the migration journal before migrating: neither may fail because the other moved its half-written
 * file away.
 */
class MigrationJournalRaceTest {

    @TempDir
    Path dir;

    @Test
    void twoOpenersWritingTheJournalAtOnceBothSucceed() throws Exception {
        DataLocation location = DataLocation.resolve(dir, null);
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        for (int round = 0; round < 100 && failed.isEmpty(); round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            Runnable begin = () -> {
                try {
                    start.await();
                    MigrationJournal.of(location).orElseThrow().begin(MigrationJournal.NEW);
                } catch (Throwable t) {
                    failed.add(t);
                }
            };
            Thread a = new Thread(begin);
            Thread b = new Thread(begin);
            a.start();
            b.start();
            a.join();
            b.join();
            assertThat(Files.readString(dir.resolve(MigrationJournal.FILE))).isEqualTo(MigrationJournal.NEW);
            MigrationJournal.of(location).orElseThrow().delete();
        }
        assertThat(failed).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no half-written journal left behind").isEmpty();
        }
    }
}
