package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.SmtpSettings;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.ticket.ReplySender;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The desk's "Reply" goes through the wired ReplySender: sent over SMTP, recorded, and it stops the clock. */
class DesktopMailWiringTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetup.dynamicPort(
            ServerSetup.createCopy(ServerSetupTest.SMTP_IMAP, s -> s.createCopy("127.0.0.1"))))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@localhost", "desk", "pw-desk"))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    @Test
    void replyFromTheDeskIsSentAndIsTheFirstContact() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
        Wiring wiring = new Wiring(Map.of(), clock);
        try (Store store = TestStores.open(dir, clock)) {
            Agent admin = TestStores.admin(store);
            Agent agent = TestStores.agent(store, admin, "ann", Clearance.NONE);
            var customer = store.customers().create(admin, "Acme", false, 0);
            var contact = store.contacts().create(admin, customer.id(), "Cal Customer", "cal@acme.example", null,
                    ContactRole.ADMINISTRATOR);
            Ticket t = store.changes().create(agent, NewTicket.of("Export fails", Severity.S2, Channel.EMAIL, clock.instant())
                    .withCustomer(customer.id(), contact.id()));

            ReplySender unwired = wiring.replySender(() -> null);
            assertThatThrownBy(() -> unwired.send(agent, t, new ReplySender.Draft("cal@acme.example", "x", "y")))
                    .hasMessageContaining("not configured");

            MailSettingsService.of(store).save(admin, MailSettings.NONE.withSmtp(new SmtpSettings("127.0.0.1",
                    GREENMAIL.getSmtp().getPort(), TlsMode.NONE, "desk", "pw-desk", "desk@localhost", "Support Desk")));
            try (MailChannel mail = new MailChannel(store, clock)) {
                clock.set(Instant.parse("2026-11-25T10:30:00Z"));
                wiring.replySender(() -> mail).send(agent, store.tickets().get(agent, t.id()),
                        new ReplySender.Draft("cal@acme.example", "Re: Export fails [" + t.ref() + "]", "We are on it."));
            }
            assertThat(GREENMAIL.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage sent = GREENMAIL.getReceivedMessagesForDomain("acme.example")[0];
            assertThat(sent.getSubject()).contains("[" + t.ref() + "]");
            Ticket after = store.tickets().get(agent, t.id());
            assertThat(after.firstContactEvent()).isEqualTo(ContactEvent.EMAIL_REPLY);
            assertThat(after.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T10:30:00Z"));
        }
    }
}
