package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.QuotaDisk;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under a real H2 file ({@link QuotaDisk}: the disk's files with a byte quota, failing as the operating
 * system does): every write that fails for lack of space says so in plain words with the folder and the space left,
 * and nothing is lost or duplicated once space is freed.
 */
class FullDiskTest extends GreenMailTestBase {

    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    private static final String FILLER = "The quick brown fox jumps over the lazy dog. ".repeat(1200); // ~54 KB

    @Test
    void aDeskActionOnAFullDiskSaysSoAndWorksAgainOnceSpaceIsFreed() {
        try (Store store = QuotaDisk.open(data, clock)) {
            Agent admin = TestStores.admin(store);
            List<String> told = new CopyOnWriteArrayList<>();
            store.database().onDiskFull(t -> told.add(String.valueOf(t)));
            Ticket first = store.changes().create(admin, NewTicket.of("before the disk filled", Severity.S2, Channel.AGENT,
                    clock.instant()));
            QuotaDisk.leave(data, 0);
            StoreException.DiskFull full = null;
            for (int i = 0; i < 50 && full == null; i++) {
                try {
                    store.changes().addNote(admin, first.id(), "note " + i + " " + FILLER);
                } catch (StoreException.DiskFull e) {
                    full = e;
                }
            }
            assertThat(full).as("a write failed for lack of space").isNotNull();
            assertThat(full.getMessage()).startsWith("The disk is full: could not write to " + data.toAbsolutePath())
                    .contains("left there").contains("Free some space there").doesNotContain("50000");
            assertThat(full.folder()).isEqualTo(data.toAbsolutePath());
            assertThat(told).isNotEmpty();
            assertThat(told.get(0)).isEqualTo(full.getMessage());

            QuotaDisk.setQuota(data, Long.MAX_VALUE);
            Ticket after = store.changes().create(admin, NewTicket.of("after space was freed", Severity.S3, Channel.AGENT,
                    clock.instant()));
            assertThat(store.tickets().get(admin, first.id()).subject()).isEqualTo("before the disk filled");
            assertThat(store.tickets().get(admin, after.id()).subject()).isEqualTo("after space was freed");
            assertThat(told.get(told.size() - 1)).isEqualTo("null"); // the status bar's problem is cleared
        }
    }

    @Test
    void theIntakeStopsAtTheFullDiskAndTakesInTheRestOnceSpaceIsFreedWithNothingLostOrDuplicated() throws Exception {
        int n = 24;
        for (int i = 0; i < n; i++) {
            GreenMailSupport.deliver(GREENMAIL, RawMail.of("From: customer" + i + "@example.com\nTo: "
                    + GreenMailSupport.ADDRESS + "\nSubject: Problem number " + i + "\nMessage-ID: <full-" + i
                    + "@example.com>\nDate: Mon, 1 Jan 2001 08:00:00 +0000\n\n" + FILLER + "\n").build());
        }
        try (Store store = QuotaDisk.open(data, clock)) {
            Agent admin = TestStores.admin(store);
            MailIntake intake = new MailIntake(store);
            QuotaDisk.leave(data, 300_000);
            MailIntake.IntakeException stopped = null;
            for (int round = 0; round < 5 && stopped == null; round++) {
                try (ImapMailbox mailbox = ImapMailbox.open(GreenMailSupport.imap(GREENMAIL), GreenMailSupport.FAST, spool)) {
                    intake.catchUp(mailbox, true);
                } catch (MailIntake.IntakeException e) {
                    stopped = e;
                }
            }
            assertThat(stopped).as("the intake stopped at the full disk").isNotNull();
            assertThat(stopped.getMessage()).contains("The disk is full: could not write to " + data.toAbsolutePath())
                    .contains("left there").doesNotContain("database error");
            int before = subjects(store, admin).size();
            assertThat(before).isLessThan(n);

            QuotaDisk.setQuota(data, Long.MAX_VALUE);
            try (ImapMailbox mailbox = ImapMailbox.open(GreenMailSupport.imap(GREENMAIL), GreenMailSupport.FAST, spool)) {
                intake.catchUp(mailbox, true);
            }
            List<String> subjects = subjects(store, admin);
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                expected.add("Problem number " + i);
            }
            assertThat(subjects).hasSize(n);
            assertThat(new TreeSet<>(subjects)).isEqualTo(expected);
            assertThat(store.mailbox().quarantine(admin, true)).isEmpty();
        }
    }

    @Test
    void aBackupToAFullDiskSaysWhichFolderAndHowMuchIsLeft() {
        Path out = data.resolve("elsewhere");
        try (Store store = QuotaDisk.open(data.resolve("desk"), clock)) {
            TestStores.admin(store);
            out.toFile().mkdirs();
            QuotaDisk.setQuota(out, 2_000);
            assertThatThrownBy(() -> store.backups().backupTo(out.resolve("b.zip")))
                    .isInstanceOf(StoreException.DiskFull.class)
                    .hasMessageStartingWith("The disk is full: could not write to " + out.toAbsolutePath() + " (")
                    .hasMessageContaining("left there");
        }
    }

    @Test
    void anExportToAFullDiskSaysSoOnTheCommandLine() {
        try (Store store = TestStores.open(data, clock)) {
            store.changes().create(null, NewTicket.of("exported", Severity.S3, Channel.AGENT, clock.instant()));
        }
        // /dev/full: every write fails with the kernel's own "No space left on device"
        Cli.Result r = new Cli(clock).run("--data-dir", data.toString(), "export", "--out", "/dev/full");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("The disk is full: could not write to /dev (").contains("left there");
    }

    private static List<String> subjects(Store store, Agent admin) {
        List<String> out = new ArrayList<>();
        store.tickets().forEach(admin, "test", t -> out.add(t.subject()));
        return out;
    }
}
