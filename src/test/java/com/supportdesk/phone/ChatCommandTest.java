package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code support-desk chat import}: the same import as the "Log chat" window, headless. */
class ChatCommandTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T12:00:00Z");
    Cli cli = new Cli(clock).env("SUPPORTDESK_NEW_PASSWORD", "pw-new-long-enough").env("SUPPORTDESK_PASSWORD", "pw-new-long-enough");

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.run(all);
    }

    @Test
    void importsATranscriptAsAChatTicketAndNamesABadLine() throws Exception {
        assertThat(run("agent", "add", "--username", "root", "--name", "Root Admin").exit()).isZero();
        Path chat = dir.resolve("chat.txt");
        Files.writeString(chat, "[10:02] Gail: portal down\n[10:05] Root Admin: on it\n");
        Cli.Result ok = run("chat", "import", "--file", chat.toString(), "--severity", "1", "--zone", "UTC",
                "--user", "root");
        assertThat(ok.err()).isEmpty();
        assertThat(ok.exit()).isZero();
        long id = Ticket.parseRef(ok.out().strip());
        assertThat(id).isPositive();

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "[10:02] Gail: portal down\n[10:75] Root Admin: on it\n");
        Cli.Result refused = run("chat", "import", "--file", bad.toString(), "--ticket", ok.out().strip(), "--user", "root");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("bad.txt: Line 2: ");
        assertThat(run("chat", "import", "--file", chat.toString(), "--user", "root").exit()).isEqualTo(2);

        try (Store store = TestStores.open(dir.resolve("data"), clock)) {
            Ticket t = store.tickets().find(store.agents().findByUsername("root").orElseThrow(), id).orElseThrow();
            assertThat(t.channel()).isEqualTo(Channel.CHAT);
            assertThat(t.received()).isEqualTo(Instant.parse("2026-11-25T10:02:00Z"));
            assertThat(t.firstContactEvent()).isEqualTo(ContactEvent.CHAT_REPLY);
            assertThat(t.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
        }
    }
}
