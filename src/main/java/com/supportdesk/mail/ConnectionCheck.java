package com.supportdesk.mail;

import java.nio.file.Path;

/** "Test connection" for the settings dialog: connects, logs in, and says what it found in one plain sentence. */
public final class ConnectionCheck {

    private ConnectionCheck() {
    }

    /** Opens the folder and closes it again. */
    public static String imap(ImapSettings settings, MailTimeouts timeouts) throws MailConnectionException {
        try (ImapMailbox mailbox = ImapMailbox.open(settings, timeouts, Path.of(System.getProperty("java.io.tmpdir")))) {
            return "Connected to " + settings.account() + ": the folder " + settings.folder() + " can be read"
                    + (mailbox.supportsIdle() ? " and new mail is announced at once (IMAP IDLE)." : "; it is checked every minute.");
        }
    }

    /** Connects and logs in without sending anything. */
    public static String smtp(SmtpSettings settings, MailTimeouts timeouts) throws MailSendException {
        new SmtpSender(settings, timeouts).checkConnection();
        return "Connected to " + settings.account() + " on port " + settings.port() + (settings.needsLogin()
                ? " and logged in." : ".") + " Replies will be sent from " + settings.fromAddress() + ".";
    }
}
