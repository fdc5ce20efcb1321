package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.ChildJvm;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.OtherUser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One desk per OS user and data folder: a second launch hands its request to the desk that runs (in another process),
 * two launches at once make one desk, a desk that died leaves nothing in the way, the mail gateway is no desk, and
 * another user of the computer can drive none of it.
 */
class DeskInstanceTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:07Z");

    @Test
    void aSecondLaunchHandsItsArgumentsToTheRunningDeskAndEnds() throws Exception {
        Path data = dir.resolve("desk");
        Process first = ChildJvm.start(FirstDesk.class, data.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");

            // launching the desk again (the icon, a shortcut): the running one comes forward, this process ends (0)
            // without a window — had it not handed over, it would start JavaFX here
            assertThat(Launcher.run(new String[] {"--data-dir", data.toString()})).isZero();
            assertThat(out.readLine()).isEqualTo("open {args=--data-dir " + data + "}");

            // a softphone's command: the running desk gets the call with the moment it came in
            Cli.Result r = new Cli(clock).run("--data-dir", data.toString(), "call", "--from", "020 7946 0018",
                    "--to", "+44 20 7946 0000", "--name", "Gail Gov");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("console open for 020 7946 0018");
            assertThat(out.readLine()).isEqualTo("call {at=2026-11-25T10:00:07Z, from=020 7946 0018, name=Gail Gov,"
                    + " to=+44 20 7946 0000}");

            // a tel: link, as the installers' link handler passes it
            assertThat(Launcher.run(new String[] {"--data-dir", data.toString(), "tel:+44-20-7946-0018"})).isZero();
            assertThat(out.readLine()).startsWith("call {at=").endsWith("from=+44-20-7946-0018}");
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoLaunchesAtTheSameMomentMakeOneDesk() throws Exception {
        Path data = dir.resolve("desk");
        List<String> carriedOut = new CopyOnWriteArrayList<>();
        DeskChannel.Dispatcher d = new DeskChannel.Dispatcher().on(DeskRequests.OPEN, r -> {
            carriedOut.add("open");
            return DeskChannel.Reply.done("came forward");
        });
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<DeskInstance.Claim> claims = new ArrayList<>();
        try {
            List<Future<DeskInstance.Claim>> f = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                f.add(two.submit(() -> DeskInstance.claim(data, new DeskChannel.Request(DeskRequests.OPEN, Map.of()), d,
                        Duration.ofSeconds(20))));
            }
            for (Future<DeskInstance.Claim> x : f) {
                claims.add(x.get(30, TimeUnit.SECONDS));
            }
            assertThat(claims).filteredOn(c -> c instanceof DeskInstance.Held).hasSize(1);
            assertThat(claims).filteredOn(c -> c instanceof DeskInstance.Handed).singleElement()
                    .satisfies(c -> assertThat(((DeskInstance.Handed) c).reply().message()).isEqualTo("came forward"));
            assertThat(carriedOut).containsExactly("open");
        } finally {
            two.shutdownNow();
            claims.stream().filter(c -> c instanceof DeskInstance.Held).forEach(c -> ((DeskInstance.Held) c).instance().close());
        }
    }

    @Test
    void aDeskThatWasKilledLeavesNothingInTheWay() throws Exception {
        Path data = dir.resolve("desk");
        Process first = ChildJvm.start(FirstDesk.class, data.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
        } finally {
            first.destroyForcibly(); // kill -9: the socket, token and lock files stay
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(data.resolve(DeskChannel.SOCKET)).exists();
        assertThat(data.resolve(DeskInstance.LOCK)).exists();
        DeskInstance.Claim claim = DeskInstance.claim(data, new DeskChannel.Request(DeskRequests.OPEN, Map.of()),
                new DeskChannel.Dispatcher(), Duration.ofSeconds(5));
        assertThat(claim).isInstanceOf(DeskInstance.Held.class);
        ((DeskInstance.Held) claim).instance().close();
    }

    @Test
    void theMailGatewayHoldingTheDatabaseIsNoDeskAndKeepsItsChannel() throws Exception {
        Path data = dir.resolve("desk");
        Process gateway = ChildJvm.start(HoldingDesk.class, data.toString(), "held by the gateway");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
            DeskInstance.Claim claim = DeskInstance.claim(data, new DeskChannel.Request(DeskRequests.OPEN, Map.of()),
                    new DeskChannel.Dispatcher(), Duration.ofSeconds(5));
            // the desk goes on without a channel of its own (and meets the database lock, said in plain words)
            assertThat(claim).isInstanceOf(DeskInstance.Elsewhere.class);
            // the gateway still answers backups: its socket was not taken over
            Path zip = dir.resolve("b.zip");
            assertThat(DeskChannel.ask(data, new DeskChannel.Request(Wiring.REQUEST_BACKUP, Map.of("to", zip.toString()))))
                    .hasValueSatisfying(r -> assertThat(r.ok()).as(r.message()).isTrue());
            assertThat(zip).exists();
        } finally {
            gateway.destroyForcibly();
            gateway.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void whereTheOsSaysWhoConnectsAnotherUserIsRefusedEvenWithTheToken() throws Exception {
        Path data = dir.resolve("desk");
        List<String> carriedOut = new CopyOnWriteArrayList<>();
        DeskChannel.Dispatcher d = new DeskChannel.Dispatcher().on("call", r -> {
            carriedOut.add(r.arg("from"));
            return DeskChannel.Reply.done("console open");
        });
        UserPrincipal someoneElse = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        try (DeskChannel channel = DeskChannel.start(data, d, someoneElse)) {
            Assumptions.assumeTrue(DeskChannelProbe.peerKnown(channel.socket()),
                    "this OS does not say who is at the other end of a local socket (Windows): the ACL and token guard it");
            assertThat(DeskChannel.ask(data, new DeskChannel.Request("call", Map.of("from", "999"))))
                    .hasValueSatisfying(r -> {
                        assertThat(r.ok()).isFalse();
                        assertThat(r.message()).contains("belongs to another user");
                    });
        }
        assertThat(carriedOut).isEmpty();
        // and this very user is answered
        try (DeskChannel channel = DeskChannel.start(data, d)) {
            assertThat(DeskChannel.ask(data, new DeskChannel.Request("call", Map.of("from", "123"))))
                    .hasValueSatisfying(r -> assertThat(r.ok()).isTrue());
        }
        assertThat(carriedOut).containsExactly("123");
    }

    /** A client run as another OS user: reads the token file if it can, connects, asks for a call, prints what happened. */
    static final String ASK = """
            import java.io.*;
            import java.net.UnixDomainSocketAddress;
            import java.nio.channels.*;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;

            public class Ask {
                public static void main(String[] a) throws Exception {
                    String token = a[2];
                    try {
                        token = Files.readString(Path.of(a[1])).strip();
                        System.out.println("TOKEN read");
                    } catch (IOException e) {
                        System.out.println("TOKEN " + e.getClass().getSimpleName());
                    }
                    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(a[0])))) {
                        OutputStream out = Channels.newOutputStream(ch);
                        out.write(("{\\"token\\":\\"" + token + "\\",\\"type\\":\\"call\\",\\"args\\":{\\"from\\":\\"999\\"}}\\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                                StandardCharsets.UTF_8));
                        System.out.println("REPLY " + in.readLine());
                    } catch (IOException e) {
                        System.out.println("CONNECT " + e.getMessage());
                    }
                }
            }
            """;

    @Test
    void anotherUserOfTheComputerCannotDriveTheDesk() throws Exception {
        OtherUser other = OtherUser.available().orElse(null);
        Assumptions.assumeTrue(other != null, "needs root or password-less sudo to act as another OS user");
        Path shared = OtherUser.sharedFolder();
        Path data = shared.resolve("desk");
        List<String> carriedOut = new CopyOnWriteArrayList<>();
        DeskChannel.Dispatcher d = new DeskChannel.Dispatcher().on("call", r -> {
            carriedOut.add(r.arg("from"));
            return DeskChannel.Reply.done("console open");
        });
        DeskInstance.Claim claim = DeskInstance.claim(data, new DeskChannel.Request(DeskRequests.OPEN, Map.of()), d,
                Duration.ofSeconds(5));
        assertThat(claim).isInstanceOf(DeskInstance.Held.class);
        try (DeskInstance desk = ((DeskInstance.Held) claim).instance()) {
            Path socket = data.resolve(DeskChannel.SOCKET);
            Path tokenFile = data.resolve(DeskChannel.TOKEN);
            String token = Files.readString(tokenFile).strip();

            // as the desk leaves its folder (0700): the other user reads no token and cannot even connect — not even
            // with the token in hand
            OtherUser.Result r = other.runJava(shared, "Ask", ASK, socket.toString(), tokenFile.toString(), token);
            assertThat(r.output()).as(r.output()).contains("TOKEN AccessDeniedException").contains("CONNECT ")
                    .doesNotContain("REPLY");

            // with the folder opened up by mistake (everyone may enter it, read the token, use the socket): the desk
            // sees who connects and refuses before reading a word
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
            r = other.runJava(shared, "Ask", ASK, socket.toString(), tokenFile.toString(), token);
            assertThat(r.output()).as(r.output()).contains("TOKEN read")
                    .contains("REPLY {\"ok\":false,\"message\":\"Refused: this Support Desk belongs to another user");
            assertThat(carriedOut).isEmpty();

            // this user, with the same request, is answered
            assertThat(DeskChannel.ask(data, new DeskChannel.Request("call", Map.of("from", "999"))))
                    .hasValueSatisfying(x -> assertThat(x.ok()).isTrue());
            assertThat(carriedOut).containsExactly("999");
        } finally {
            try (Stream<Path> s = Files.walk(shared)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
