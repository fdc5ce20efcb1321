package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Store;
import com.supportdesk.testing.ChildCli;
import com.supportdesk.testing.DeskGreenMail;
import com.supportdesk.testing.TestStores;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code ingest --once} in its own JVM, killed with SIGKILL again and again in the middle of a large import
 * that commits in groups, then run to the end: not one message lost, not one stored twice, every reply on its
 * original's ticket, every message moved on the server exactly once. (Before the intake forced its commits to disk
 * before moving mail, H2 lost the last commits of a killed process now and then, and with them mail already moved.)
 */
class IngestKillTest {

    static {
        MailSystemProperties.install();
    }

    static final String PASSWORD = "kill-Secret-17";
    static final int MESSAGES = 500;
    static final int KILLS = 5;
    static final int GROUP = 25;

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = DeskGreenMail.extension(PASSWORD);

    @TempDir
    Path dir;

    private static final Pattern STORED = Pattern.compile(" UID (\\d+) of desk@127\\.0\\.0\\.1: ");

    @Test
    void killedAgainAndAgainDuringAGroupedImportNothingIsLostOrDuplicated() throws Exception {
        Random random = new Random(17);
        Map<String, String> parentOf = new HashMap<>(); // reply Message-ID -> original's
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String id = "<k" + i + "@acme.example>";
            String extra = "";
            if (i > 10 && random.nextInt(4) == 0) {
                String parent = originals.get(random.nextInt(originals.size()));
                parentOf.put(id, parent);
                extra = "In-Reply-To: " + parent + "\r\n";
            } else {
                originals.add(id);
            }
            String raw = "From: user" + (i % 97) + "@acme.example\r\nTo: desk@localhost\r\nSubject: "
                    + (parentOf.containsKey(id) ? "Re: question" : "Question " + i) + "\r\nMessage-ID: " + id + "\r\n"
                    + extra + "\r\n" + ("Line of the message " + i + "\r\n").repeat(1 + i % 20);
            GREENMAIL.getUserManager().getUser("desk").deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
        }
        Path log = DataLocation.resolve(dir, null).logDir().resolve("support-desk.log");
        String[] args = {"--data-dir", dir.toString(), "ingest", "--once", "--imap-url",
                "imap://desk@127.0.0.1:" + GREENMAIL.getImap().getPort() + "/INBOX", "--tls", "none",
                "--after-import", "move:Processed", "--group", String.valueOf(GROUP)};
        Map<String, String> env = Map.of("SUPPORTDESK_IMAP_PASSWORD", PASSWORD);

        List<Integer> storedAtKill = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            int target = kill * MESSAGES / (KILLS + 1);
            try (ChildCli child = ChildCli.start(env, args)) {
                long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (storedUids(log).size() < target && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                Thread.sleep(random.nextInt(600)); // somewhere in the next group: reading, storing, committing or moving it
                child.close(); // SIGKILL: no shutdown hook, no clean close of the database
                child.awaitExit(Duration.ofSeconds(30));
            }
            storedAtKill.add(storedUids(log).size());
        }
        try (ChildCli child = ChildCli.start(env, args)) {
            assertThat(child.awaitExit(Duration.ofSeconds(240))).as(child.output()).isZero();
        }

        assertThat(storedAtKill).as("every kill landed in the middle of the import")
                .allMatch(n -> n > 0 && n < MESSAGES).isSorted();
        try (Store store = TestStores.open(dir, Clock.systemUTC())) {
            Map<String, Long> ticketOf = new HashMap<>();
            int[] rows = {0};
            store.database().run(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT message_id, ticket_id FROM message");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows[0]++;
                        ticketOf.put(rs.getString(1), rs.getLong(2));
                    }
                }
            });
            assertThat(rows[0]).as("not one message stored twice").isEqualTo(MESSAGES);
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < MESSAGES; i++) {
                expected.add("<k" + i + "@acme.example>");
            }
            assertThat(ticketOf.keySet()).as("not one message lost").isEqualTo(expected);
            long[] tickets = {0};
            store.tickets().forEach(AccessPolicy.NOBODY, "test", t -> tickets[0]++);
            assertThat(tickets[0]).as("one ticket per original").isEqualTo(originals.size());
            parentOf.forEach((reply, parent) ->
                    assertThat(ticketOf.get(reply)).as(reply + " threads onto " + parent).isEqualTo(ticketOf.get(parent)));
            assertThat(store.mailbox().quarantine(TestStores.admin(store), false)).isEmpty();
        }
        assertThat(count("INBOX")).isZero();
        assertThat(count("Processed")).as("every message moved exactly once").isEqualTo(MESSAGES);
    }

    /** The UIDs the child logged as stored (after their commit), over all runs so far. */
    private static Set<Long> storedUids(Path log) throws Exception {
        Set<Long> uids = new HashSet<>();
        if (!Files.exists(log)) {
            return uids;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = STORED.matcher(line);
            if (m.find()) {
                uids.add(Long.parseLong(m.group(1)));
            }
        }
        return uids;
    }

    private int count(String folder) throws Exception {
        try (jakarta.mail.Store s = Session.getInstance(new Properties()).getStore("imap")) {
            s.connect("127.0.0.1", GREENMAIL.getImap().getPort(), "desk", PASSWORD);
            Folder f = s.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        }
    }
}
