package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyBuilderTest {

    static {
        MailSystemProperties.install();
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T10:00:00Z"), ZoneOffset.UTC);
    private final ReplyBuilder builder = new ReplyBuilder(new MailAddress("help@desk.example.org", "Help Desk"), "SD", CLOCK);

    private static ReplyDraft draft(String subject, boolean sensitive) {
        return new ReplyDraft("SD-7", subject, sensitive, List.of(new MailAddress("ann@example.com", "Ann Ö")),
                List.of(MailAddress.of("boss@example.com")), "Hello Ann,\nfixed.\n", Optional.of("<in-2@example.com>"),
                List.of("<in-1@example.com>", "<in-2@example.com>"));
    }

    @Test
    void subjectHasOneReAndOneTagAndKeepsTheMarking() {
        assertThat(builder.subjectFor(draft("Re: AW: [SD-7] Printer", false))).isEqualTo("Re: Printer [SD-7]");
        assertThat(builder.subjectFor(draft("Printer", true))).isEqualTo("Re: OFFICIAL-SENSITIVE: Printer [SD-7]");
        assertThat(builder.subjectFor(draft("RE: OFFICIAL SENSITIVE Printer [SD-7]", true)))
                .isEqualTo("Re: OFFICIAL SENSITIVE Printer [SD-7]");
        assertThat(builder.subjectFor(draft("", false))).isEqualTo("Re: (no subject) [SD-7]");
    }

    @Test
    void replyHeaders() throws Exception {
        OutboundMail reply = builder.reply(draft("Printer", false));
        MimeMessage m = reply.message();

        assertThat(reply.messageId()).matches("<[0-9a-f-]{36}@desk\\.example\\.org>");
        assertThat(m.getMessageID()).isEqualTo(reply.messageId());
        assertThat(m.getHeader("From", null)).isEqualTo("Help Desk <help@desk.example.org>");
        assertThat(m.getHeader("To", null)).isEqualTo("=?UTF-8?Q?Ann_=C3=96?= <ann@example.com>");
        assertThat(m.getHeader("Cc", null)).isEqualTo("boss@example.com");
        assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<in-2@example.com>");
        assertThat(m.getHeader("References", null)).isEqualTo("<in-1@example.com> <in-2@example.com>");
        assertThat(m.getHeader("X-SupportDesk-Ticket", null)).isEqualTo("SD-7");
        assertThat(m.getHeader("X-Loop", null)).isEqualTo("help@desk.example.org");
        assertThat(m.getHeader("Auto-Submitted")).isNull();
        assertThat(m.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(m.getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(m.getContent()).isEqualTo("Hello Ann,\nfixed.\n");
        assertThat(builder.reply(draft("Printer", false)).messageId()).isNotEqualTo(reply.messageId());
    }

    @Test
    void acknowledgementHeaders() throws Exception {
        MimeMessage m = builder.acknowledgement(draft("Printer", false)).message();
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(m.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
    }

    @Test
    void longReferenceChainsKeepTheFirstAndTheNewest() {
        List<String> refs = IntStream.rangeClosed(1, 30).mapToObj(i -> "<r" + i + "@x>").toList();
        ReplyDraft d = new ReplyDraft("SD-1", "s", false, List.of(MailAddress.of("a@x")), List.of(), "",
                Optional.of("<last@x>"), refs);
        List<String> kept = ReplyBuilder.references(d);
        assertThat(kept).hasSize(ReplyBuilder.MAX_REFERENCES).startsWith("<r1@x>").endsWith("<r30@x>", "<last@x>");
    }

    @Test
    void draftAnsweringAnInboundMessage() throws Exception {
        ParsedMail inbound = new MailParser().parse(RawMail.of("""
                From: Ann <ann@example.com>
                Reply-To: ann.private@example.org
                Subject: [SD-7] Printer
                Message-ID: <in-9@example.com>
                References: <in-1@example.com>

                b
                """).build());
        ReplyDraft d = ReplyDraft.answering(inbound, "SD-7", "Printer", false, "ok");
        assertThat(d.to()).containsExactly(MailAddress.of("ann.private@example.org"));
        assertThat(ReplyBuilder.references(d)).containsExactly("<in-1@example.com>", "<in-9@example.com>");
    }
}
