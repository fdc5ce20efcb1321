package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The settings dialog's "Test connection" against GreenMail. */
class ConnectionCheckTest extends GreenMailTestBase {

    @Test
    void imapAndSmtpSayWhatTheyFoundOrWhatWentWrong() throws Exception {
        assertThat(ConnectionCheck.imap(GreenMailSupport.imap(GREENMAIL), GreenMailSupport.FAST))
                .isEqualTo("Connected to desk@127.0.0.1: the folder INBOX can be read and new mail is announced at once"
                        + " (IMAP IDLE).");
        SmtpSettings smtp = GreenMailSupport.smtp(GREENMAIL);
        assertThat(ConnectionCheck.smtp(smtp, GreenMailSupport.FAST)).isEqualTo("Connected to desk@127.0.0.1 on port "
                + smtp.port() + " and logged in. Replies will be sent from desk@localhost.");
        SmtpSettings wrong = new SmtpSettings(smtp.host(), smtp.port(), smtp.tls(), smtp.user(), "wrong", smtp.fromAddress(), "");
        assertThat(catchThrowableOfType(MailSendException.class, () -> ConnectionCheck.smtp(wrong, GreenMailSupport.FAST)))
                .hasMessage("The mail server rejected the user name or password for desk@127.0.0.1.");
        assertThat(GREENMAIL.getReceivedMessages()).as("nothing was sent").isEmpty();
    }
}
