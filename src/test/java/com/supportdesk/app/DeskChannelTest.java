package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.OwnerOnly;
import com.supportdesk.store.Store;
import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup --to} while another process holds the embedded database: asked over the local, user-only channel. */
class DeskChannelTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    @Test
    void backupWhileADeskHoldsTheDatabaseIsMadeByThatDesk() throws Exception {
        Path data = dir.resolve("desk");
        Process child = ChildJvm.start(HoldingDesk.class, data.toString(), "made before the backup");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
            Path zip = dir.resolve("out").resolve("while-open.zip");
            Cli.Result r = new Cli(clock).run("--data-dir", data.toString(), "backup", "--to", zip.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("Backup written to " + zip.toAbsolutePath())
                    .contains("by the Support Desk process that has the database open");

            // only the owner can reach the channel: the folder, the socket and the token file are owner-only
            assertThat(OwnerOnly.isRestricted(data)).isTrue();
            assertThat(OwnerOnly.isRestricted(data.resolve(DeskChannel.SOCKET))).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(DeskChannel.TOKEN))))
                    .isEqualTo("rw-------");
            // and a request without the token is refused, and does nothing
            Path refused = dir.resolve("out").resolve("no-token.zip");
            Optional<DeskChannel.Reply> reply = DeskChannel.ask(data.resolve(DeskChannel.SOCKET), "00".repeat(32),
                    new DeskChannel.Request("backup", Map.of("to", refused.toString())));
            assertThat(reply).hasValueSatisfying(x -> {
                assertThat(x.ok()).isFalse();
                assertThat(x.message()).contains("did not carry this desk's token");
            });
            assertThat(refused).doesNotExist();
            // an unknown request gets a plain refusal
            Optional<DeskChannel.Reply> unknown = DeskChannel.ask(data, new DeskChannel.Request("make-tea", Map.of()));
            assertThat(unknown).hasValueSatisfying(x -> assertThat(x.message()).contains("does not know the request 'make-tea'"));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        // the backup holds what the other process had committed
        Path restored = dir.resolve("restored");
        Restore.execute(dir.resolve("out").resolve("while-open.zip").toString(), restored.toString(), null);
        try (Store store = TestStores.open(restored, clock)) {
            assertThat(store.tickets().search(AccessPolicy.NOBODY, "made before the backup", 5)).hasSize(1);
        }
    }

    @Test
    void aSocketLeftByAProcessThatDiedIsIgnored() throws Exception {
        Path data = dir.resolve("desk");
        Process child = ChildJvm.start(HoldingDesk.class, data.toString(), "x");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
        } finally {
            child.destroyForcibly(); // kill -9: the socket and token files stay behind
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(data.resolve(DeskChannel.SOCKET)).exists();
        assertThat(DeskChannel.ask(data, new DeskChannel.Request("backup", Map.of("to", "/nowhere.zip")))).isEmpty();
        Path zip = dir.resolve("after.zip");
        Cli.Result r = new Cli(clock).run("--data-dir", data.toString(), "backup", "--to", zip.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(zip).exists();
    }
}
