package com.supportdesk.mail;

import java.nio.file.Path;

/** "Test connection" for the settings dialog: connects, logs in, and says what it found in one plain sentence. */
public final class ConnectionCheck {

    private ConnectionCheck() {
    }

    /** Opens the folder and closes it again. */
    public static String imap(ImapSettings settings, MailTimeouts timeouts) throws MailConnectionException {
        return imap(settings, timeouts, null);
    }

    /** Opens the folder and closes it again; an OAuth account signs in with an access token from {@code tokens}. */
    public static String imap(ImapSettings settings, MailTimeouts timeouts, MailTokens tokens)
            throws MailConnectionException {
        Path spool = Path.of(System.getProperty("java.io.tmpdir"));
        if (settings.oauth() && tokens == null) {
            throw new MailConnectionException(MailProblem.AUTHENTICATION, "This account signs in with OAuth; sign in"
                    + " with the provider first.", null);
        }
        try (ImapMailbox mailbox = tokens == null ? ImapMailbox.open(settings, timeouts, spool)
                : tokens.openImap(settings, timeouts, spool)) {
            return "Connected to " + settings.account() + ": the folder " + settings.folder() + " can be read"
                    + (mailbox.supportsIdle() ? " and new mail is announced at once (IMAP IDLE)." : "; it is checked every minute.");
        }
    }

    /** Connects and logs in without sending anything. */
    public static String smtp(SmtpSettings settings, MailTimeouts timeouts) throws MailSendException {
        return smtp(settings, timeouts, null);
    }

    /** Connects and logs in without sending anything; an OAuth server gets an access token from {@code tokens}. */
    public static String smtp(SmtpSettings settings, MailTimeouts timeouts, MailTokens tokens) throws MailSendException {
        new SmtpSender(settings, timeouts, tokens).checkConnection();
        return "Connected to " + settings.account() + " on port " + settings.port() + (settings.needsLogin()
                ? " and logged in." : ".") + " Replies will be sent from " + settings.fromAddress() + ".";
    }
}
