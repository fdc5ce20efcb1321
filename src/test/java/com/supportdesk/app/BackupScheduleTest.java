package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.store.Backups;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily backup of a desk that stays open for days, run outside Business Hours, with a clock the test moves. */
class BackupScheduleTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z"); // a Wednesday, in Business Hours

    @Test
    void aDeskOpenForDaysBacksUpOnceADayOutsideBusinessHours() {
        try (Store store = TestStores.open(dir, clock)) {
            BackupSchedule schedule = new BackupSchedule(store);
            // started in Business Hours without today's backup: made soon after start, as before
            assertThat(schedule.tick()).hasValueSatisfying(p -> assertThat(p.getFileName().toString())
                    .isEqualTo("supportdesk-2026-11-25.zip"));
            at("2026-11-25T19:00:00Z");
            assertThat(schedule.tick()).isEmpty(); // once a day
            at("2026-11-26T00:10:00Z"); // Thursday, in the night: the desk is still open
            assertThat(schedule.tick()).hasValueSatisfying(p -> assertThat(p.getFileName().toString())
                    .isEqualTo("supportdesk-2026-11-26.zip"));
            at("2026-11-26T10:00:00Z");
            assertThat(schedule.tick()).isEmpty();
            at("2026-11-27T09:00:00Z"); // Friday in Business Hours without Friday's backup (the night's was missed)
            assertThat(schedule.tick()).isEmpty();
            at("2026-11-27T17:50:00Z");
            assertThat(schedule.tick()).isEmpty(); // still in Business Hours: waits for the evening
            at("2026-11-27T18:00:00Z");
            assertThat(schedule.tick()).hasValueSatisfying(p -> assertThat(p.getFileName().toString())
                    .isEqualTo("supportdesk-2026-11-27.zip"));
            at("2026-11-28T12:00:00Z"); // Saturday: no Business Hours
            assertThat(schedule.tick()).isPresent();
            assertThat(Backups.list(dir.resolve("backups"))).extracting(p -> p.getFileName().toString())
                    .containsExactly("supportdesk-2026-11-25.zip", "supportdesk-2026-11-26.zip", "supportdesk-2026-11-27.zip",
                            "supportdesk-2026-11-28.zip");
        }
    }

    @Test
    void aDeskOpenOnlyInBusinessHoursBacksUpSoonAfterEachStart() {
        try (Store store = TestStores.open(dir, clock)) {
            assertThat(new BackupSchedule(store).tick()).isPresent();
            at("2026-11-26T09:05:00Z"); // the next morning, a new start
            BackupSchedule morning = new BackupSchedule(store);
            assertThat(morning.tick()).hasValueSatisfying(p -> assertThat(p.getFileName().toString())
                    .isEqualTo("supportdesk-2026-11-26.zip"));
        }
    }

    @Test
    void itRunsOnALowPriorityBackgroundThreadAndStopsWithTheDesk() throws Exception {
        try (Store store = TestStores.open(dir, clock)) {
            Thread[] seen = new Thread[1];
            BackupSchedule schedule = new BackupSchedule(store);
            schedule.start();
            try {
                long until = System.nanoTime() + 30_000_000_000L;
                while (Backups.list(dir.resolve("backups")).isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(100);
                }
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().equals("daily-backup")) {
                        seen[0] = t;
                    }
                }
            } finally {
                schedule.close();
            }
            assertThat(Backups.list(dir.resolve("backups"))).hasSize(1);
            assertThat(seen[0]).isNotNull();
            assertThat(seen[0].isDaemon()).isTrue();
            assertThat(seen[0].getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            seen[0].join(5_000);
            assertThat(seen[0].isAlive()).isFalse();
        }
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}
