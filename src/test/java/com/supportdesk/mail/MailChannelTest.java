package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The desktop's wiring: the intake starts from the saved settings, only when this app is to fetch mail. */
class MailChannelTest extends IntakeTestBase {

    @Test
    void startsFromTheSavedAccountAndAcknowledgesWhenAskedTo() throws Exception {
        try (MailChannel mail = new MailChannel(store, clock)) {
            assertThat(mail.startIntake(s -> { })).as("nothing set up").isEmpty();

            mail.settings().save(admin, MailSettings.NONE.withImap(imap()).withSmtp(GreenMailSupport.smtp(GREENMAIL))
                    .withFetchInDesktop(false));
            assertThat(mail.startIntake(s -> { })).as("a gateway fetches").isEmpty();

            mail.settings().save(admin, mail.settings().load().withFetchInDesktop(true).withAcknowledge(true));
            deliver(message("ann@acme.example", "Through the desktop", "<dt1@acme.example>", "", "hello"));
            List<IntakeService.Status> statuses = new CopyOnWriteArrayList<>();
            assertThat(mail.startIntake(statuses::add)).isPresent();
            for (int i = 0; i < 200 && tickets().isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertThat(tickets()).singleElement().satisfies(t -> assertThat(t.subject()).isEqualTo("Through the desktop"));
            for (int i = 0; i < 200 && GREENMAIL.getReceivedMessagesForDomain("acme.example").length == 0; i++) {
                Thread.sleep(50);
            }
            assertThat(GREENMAIL.getReceivedMessagesForDomain("acme.example")).as("acknowledged").hasSize(1);
            mail.stopIntake();
            assertThat(statuses).extracting(IntakeService.Status::state).contains(IntakeService.State.CONNECTED,
                    IntakeService.State.FETCHED, IntakeService.State.STOPPED);
        }
    }
}
