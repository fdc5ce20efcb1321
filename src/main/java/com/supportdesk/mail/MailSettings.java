package com.supportdesk.mail;

import java.util.Optional;

/**
 * The desk's mail configuration, as saved by an admin (see {@link MailSettingsService}).
 *
 * @param imap           the account mail is fetched from, or null when none is set up
 * @param smtp           the server replies go out through, or null when none is set up
 * @param acknowledge    send an automatic acknowledgement for each new e-mail ticket (default off)
 * @param fetchInDesktop the desktop app fetches mail itself (turn off where a gateway runs {@code ingest --watch})
 * @param warning        a plain sentence when part of the saved settings could not be read (e.g. a password
 *                       saved on another computer), else null
 */
public record MailSettings(ImapSettings imap, SmtpSettings smtp, boolean acknowledge, boolean fetchInDesktop,
                           String warning) {

    /** Nothing set up: no intake, no replies, no acknowledgements. */
    public static final MailSettings NONE = new MailSettings(null, null, false, true, null);

    public Optional<ImapSettings> imapSettings() {
        return Optional.ofNullable(imap);
    }

    public Optional<SmtpSettings> smtpSettings() {
        return Optional.ofNullable(smtp);
    }

    public MailSettings withImap(ImapSettings i) {
        return new MailSettings(i, smtp, acknowledge, fetchInDesktop, warning);
    }

    public MailSettings withSmtp(SmtpSettings s) {
        return new MailSettings(imap, s, acknowledge, fetchInDesktop, warning);
    }

    public MailSettings withAcknowledge(boolean on) {
        return new MailSettings(imap, smtp, on, fetchInDesktop, warning);
    }

    public MailSettings withFetchInDesktop(boolean on) {
        return new MailSettings(imap, smtp, acknowledge, on, warning);
    }
}
