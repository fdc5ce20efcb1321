package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.cli.CallCommand;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link macOS hands the running desk ({@link PhoneLinks#open}, what the open-URI handler calls) is the same request as
 * the link given to the launcher on Windows and Linux ({@code support-desk tel:…}, handed over the desk's channel): same
 * type, same number, same moment. Desktop itself is not there headless; the handler's routing is what is tested.
 */
class PhoneLinksTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:07Z");
    List<DeskChannel.Request> received = new CopyOnWriteArrayList<>();
    DeskChannel.Dispatcher desk = new DeskChannel.Dispatcher().on(CallCommand.REQUEST, r -> {
        received.add(r);
        return DeskChannel.Reply.done("console open for " + r.arg("from"));
    });

    @Test
    void aLinkFromMacOsIsTheRequestTheLauncherHandsOverForTheSameLink() throws Exception {
        Path data = dir.resolve("desk");
        DeskInstance.Claim claim = DeskInstance.claim(data, new DeskChannel.Request(DeskRequests.OPEN, Map.of()), desk,
                Duration.ofSeconds(5));
        assertThat(claim).isInstanceOf(DeskInstance.Held.class);
        try (DeskInstance running = ((DeskInstance.Held) claim).instance()) {
            for (String link : List.of("tel:%2B44%2020%207946%200018", "callto://+442079460018",
                    "tel:+44-20-7946-0018;ext=23")) {
                received.clear();
                // Windows and Linux: the installers' handlers run the launcher with the link (Launcher.run reads it so)
                Cli.Result r = new Cli(clock).run(CallCommand.readLinks(new String[] {"--data-dir", data.toString(), link}));
                assertThat(r.exit()).as(r.err()).isZero();
                // macOS: the Apple Event's URI, given to this desk's own dispatcher
                DeskChannel.Reply reply = PhoneLinks.open(URI.create(link), desk, clock);

                assertThat(reply.ok()).as(reply.message()).isTrue();
                assertThat(received).as(link).hasSize(2);
                assertThat(received.get(1)).isEqualTo(received.get(0));
                assertThat(received.get(1).type()).isEqualTo(CallCommand.REQUEST);
                assertThat(received.get(1).args()).containsEntry("at", "2026-11-25T10:00:07Z");
                assertThat(reply.message()).isEqualTo("console open for " + received.get(0).arg("from"));
            }
        }
    }

    @Test
    void theNumberComesOutOfTheLinkAsTheCallConsoleShowsIt() {
        assertThat(PhoneLinks.open(URI.create("tel:%2B44%2020%207946%200018"), desk, clock).ok()).isTrue();
        assertThat(PhoneLinks.open(URI.create("callto://+442079460018"), desk, clock).ok()).isTrue();
        assertThat(PhoneLinks.open(URI.create("TEL:020-7946-0018"), desk, clock).ok()).isTrue();
        assertThat(received).extracting(r -> r.arg("from"))
                .containsExactly("+44 20 7946 0018", "+442079460018", "020-7946-0018");
    }

    @Test
    void anyOtherLinkIsRefusedInPlainWordsAndNothingOpens() {
        DeskChannel.Reply reply = PhoneLinks.open(URI.create("https://example.invalid/tel:123"), desk, clock);
        assertThat(reply.ok()).isFalse();
        assertThat(reply.message()).isEqualTo("Support Desk opens tel:, callto: and sip: links only, not"
                + " \"https://example.invalid/tel:123\".");
        assertThat(PhoneLinks.open(null, desk, clock).ok()).isFalse();
        assertThat(received).isEmpty();
    }
}
