package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.mail.SecretBox;
import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Windows data folder's one move from Roaming to Local, on a copy of a real desk's folder (database, backups, logs,
 * the mail key, window and team settings, a dead desk's channel files): copied, verified, switched, the old one removed;
 * stopped at every step as a crash would stop it, and by a real kill, after which the next start uses a complete
 * folder and finishes the move with nothing lost.
 */
class FolderMoveTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Path roaming;
    Path local;
    OsFolders windows;
    /** The mail password as the desk saved it, encrypted with the folder's key. */
    String savedSecret;

    /** What a crash looks like to the move: it stops dead (an Error, which the move does not catch). */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @BeforeEach
    void aDeskInTheRoamingProfile() throws Exception {
        windows = new OsFolders("Windows 10", Map.of("APPDATA", dir.resolve("Roaming").toString(),
                "LOCALAPPDATA", dir.resolve("Local").toString()), dir.resolve("home"));
        roaming = dir.resolve("Roaming").resolve("SupportDesk");
        local = dir.resolve("Local").resolve("SupportDesk");
        makeDesk(roaming);
        assertThat(windows.dataDir()).as("before the move the desk reads the roaming folder").isEqualTo(roaming);
    }

    private void makeDesk(Path folder) throws Exception {
        try (Store store = TestStores.open(folder, clock)) {
            TestStores.admin(store);
            for (int i = 1; i <= 30; i++) {
                store.changes().create(null, NewTicket.of("Ticket number " + i, Severity.S2, Channel.EMAIL, clock.instant()));
            }
            store.backups().backupTo(folder.resolve("backups").resolve("supportdesk-2026-11-24.zip"));
        }
        Files.createDirectories(folder.resolve("logs"));
        Files.writeString(folder.resolve("logs").resolve("support-desk.log"), "2026-11-24T09:00:00Z INFO started\n");
        Files.writeString(folder.resolve("window.properties"), "x=10\ny=10\nwidth=1280\nheight=760\n");
        Files.writeString(folder.resolve("team-database.properties"), "db-url=jdbc\\:postgresql\\://desk/supportdesk\n");
        savedSecret = SecretBox.inFolder(folder).encrypt("imap-password", "imap");
        Files.writeString(folder.resolve("desk.token"), "left by a desk that died");
        Files.createDirectories(folder.resolve("backups").resolve("empty"));
    }

    /** The desk's data as it reads it from {@code folder}: every ticket, the key that opens the saved password. */
    private void assertCompleteDesk(Path folder) throws Exception {
        try (Store store = TestStores.open(folder, clock)) {
            assertThat(store.tickets().search(AccessPolicy.NOBODY, "Ticket number", 100)).hasSize(30);
        }
        assertThat(SecretBox.inFolder(folder).decrypt(savedSecret, "imap")).isEqualTo("imap-password");
        assertThat(folder.resolve("backups").resolve("supportdesk-2026-11-24.zip")).isRegularFile();
        assertThat(Files.readString(folder.resolve("logs").resolve("support-desk.log"))).contains("started");
        assertThat(Files.readString(folder.resolve("team-database.properties"))).contains("postgresql");
        assertThat(folder.resolve("window.properties")).isRegularFile();
    }

    private FolderMove.Outcome move(FolderMove.Watcher watcher) {
        return FolderMove.moveOnce(roaming, local, p -> FolderMove.databaseOpen(p), watcher);
    }

    @Test
    void theRoamingFolderMovesToLocalOnceCopiedVerifiedAndSwitched() throws Exception {
        List<String> steps = new ArrayList<>();
        FolderMove.Outcome o = move((step, file) -> steps.add(step + (file == null ? "" : " " + file)));
        assertThat(o.result()).as(o.message()).isEqualTo(FolderMove.Result.MOVED);
        assertThat(o.message()).contains("each verified");
        // copy everything, verify, switch — and only then remove the originals
        int verified = steps.indexOf("VERIFIED");
        assertThat(steps.subList(0, verified)).allMatch(s -> s.startsWith("COPIED ")).contains("COPIED supportdesk.mv.db",
                "COPIED mail-secrets.key", "COPIED backups/supportdesk-2026-11-24.zip", "COPIED logs/support-desk.log");
        assertThat(steps.get(verified + 1)).isEqualTo("SWITCHED");
        assertThat(steps.subList(verified + 2, steps.size())).allMatch(s -> s.startsWith("REMOVED "));

        assertThat(windows.dataDir()).isEqualTo(local);
        assertCompleteDesk(local);
        assertThat(roaming).doesNotExist();
        assertThat(FolderMove.staging(local)).doesNotExist();
        assertThat(local.resolve("desk.token")).as("a dead desk's channel is not carried over").doesNotExist();
        assertThat(local.resolve("backups").resolve("empty")).isDirectory();
        assertThat(Files.readString(local.resolve(FolderMove.MARKER))).contains("from=" + roaming.toString().replace(":", "\\:"));
        try (Stream<Path> s = Files.walk(local)) {
            for (Path p : s.toList()) {
                assertThat(OwnerOnly.isRestricted(p)).as(p.toString()).isTrue();
            }
        }
        // once: the next start has nothing to do
        assertThat(move(FolderMove.Watcher.NONE).result()).isEqualTo(FolderMove.Result.NOTHING_TO_DO);
    }

    /** Stops the move at the {@code n}-th time it passes a step ("COPIED#3": after the third file copied), as a crash would. */
    @ParameterizedTest(name = "stopped at {0}")
    @ValueSource(strings = {"COPIED#1", "COPIED#3", "COPIED#6", "VERIFIED#1", "SWITCHED#1", "REMOVED#1", "REMOVED#4"})
    void aMoveStoppedAnywhereLosesNothingAndTheNextStartFinishesIt(String point) throws Exception {
        FolderMove.Step stopAt = FolderMove.Step.valueOf(point.substring(0, point.indexOf('#')));
        int n = Integer.parseInt(point.substring(point.indexOf('#') + 1));
        AtomicInteger passed = new AtomicInteger();
        List<String> where = new ArrayList<>();
        assertThatThrownBy(() -> move((step, file) -> {
            where.add(step + " " + file);
            if (step == stopAt && passed.incrementAndGet() == n) {
                throw new Crash();
            }
        })).isInstanceOf(Crash.class);
        String stoppedAt = where.get(where.size() - 1);

        // whatever folder the desk reads now is complete: the old one before the switch, the new one after
        Path used = windows.dataDir();
        assertThat(used).as("stopped at " + stoppedAt).isEqualTo(where.contains("SWITCHED null") ? local : roaming);
        assertCompleteDesk(used);

        // the next start finishes the move
        FolderMove.Outcome o = move(FolderMove.Watcher.NONE);
        assertThat(o.result()).as(o.message()).isIn(FolderMove.Result.MOVED, FolderMove.Result.FINISHED);
        assertThat(windows.dataDir()).isEqualTo(local);
        assertCompleteDesk(local);
        assertThat(roaming).doesNotExist();
        assertThat(FolderMove.staging(local)).doesNotExist();
    }

    @Test
    void aMoveKilledMidCopyIsRedoneFromTheStartAtTheNextStart() throws Exception {
        Process child = ChildJvm.start(MoveAndDie.class, roaming.toString(), local.toString(), "4");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(MoveAndDie.KILLED);
        assertThat(FolderMove.staging(local)).as("the half copy the killed move left").isDirectory();
        assertThat(local).doesNotExist();
        assertThat(windows.dataDir()).isEqualTo(roaming);
        assertCompleteDesk(roaming);

        FolderMove.Outcome o = move(FolderMove.Watcher.NONE);
        assertThat(o.result()).as(o.message()).isEqualTo(FolderMove.Result.MOVED);
        assertCompleteDesk(local);
        assertThat(roaming).doesNotExist();
        assertThat(FolderMove.staging(local)).doesNotExist();
    }

    @Test
    void aFolderADeskHasOpenIsLeftForTheNextStart() throws Exception {
        try (Store open = TestStores.open(roaming, clock)) {
            FolderMove.Outcome o = move(FolderMove.Watcher.NONE);
            assertThat(o.result()).as(o.message()).isEqualTo(FolderMove.Result.IN_USE);
            assertThat(open.tickets().search(AccessPolicy.NOBODY, "Ticket number", 100)).hasSize(30);
        }
        assertThat(local).doesNotExist();
        assertThat(FolderMove.staging(local)).doesNotExist();
        assertThat(windows.dataDir()).isEqualTo(roaming);
    }

    @Test
    void aFileChangedInTheOldFolderAfterTheCopyIsKeptThereWithANote() throws Exception {
        FolderMove.Outcome o = move((step, file) -> {
            if (step == FolderMove.Step.SWITCHED) {
                // an old desk (or the user) wrote there after the copy was verified
                Files.writeString(roaming.resolve("window.properties"), "x=99\n");
            }
        });
        assertThat(o.result()).isEqualTo(FolderMove.Result.MOVED);
        assertThat(o.message()).contains("kept in the old folder").contains("window.properties");
        assertThat(Files.readString(roaming.resolve("window.properties"))).isEqualTo("x=99\n");
        assertThat(Files.readString(roaming.resolve(FolderMove.NOTE), StandardCharsets.UTF_8)).contains(local.toString())
                .contains("window.properties");
        try (Stream<Path> s = Files.list(roaming)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("window.properties",
                    FolderMove.NOTE);
        }
        assertCompleteDesk(local);
    }

    @Test
    void aCopyThatDoesNotMatchItsOriginalIsNeverSwitchedTo() throws IOException {
        FolderMove.Outcome o = move((step, file) -> {
            if (step == FolderMove.Step.COPIED && "window.properties".equals(file)) {
                // the disk wrote something else than was read (or something changed it)
                Files.writeString(FolderMove.staging(local).resolve(file), "garbled");
            }
        });
        assertThat(o.result()).isEqualTo(FolderMove.Result.FAILED);
        assertThat(o.message()).contains("window.properties differs").contains("tried again at the next start");
        assertThat(local).doesNotExist();
        assertThat(windows.dataDir()).isEqualTo(roaming);
        assertThat(Files.readString(roaming.resolve("window.properties"))).startsWith("x=10");
    }

    /** A child that moves the folder and is killed ({@code Runtime.halt}) after copying N files. */
    public static final class MoveAndDie {
        static final int KILLED = 137;

        public static void main(String[] args) {
            int after = Integer.parseInt(args[2]);
            AtomicInteger copied = new AtomicInteger();
            FolderMove.moveOnce(Path.of(args[0]), Path.of(args[1]), p -> false, (step, file) -> {
                if (step == FolderMove.Step.COPIED && copied.incrementAndGet() == after) {
                    Runtime.getRuntime().halt(KILLED);
                }
            });
            System.exit(0);
        }
    }
}
