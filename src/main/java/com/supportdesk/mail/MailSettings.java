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
 * @param oauth          the saved OAuth 2.0 sign-in that IMAP and SMTP use when their {@link MailAuth} is
 *                       {@link MailAuth#OAUTH}, or null. {@link MailSettingsService#save} does not write it: a
 *                       sign-in is saved by {@link MailSettingsService#saveSignIn}
 */
public record MailSettings(ImapSettings imap, SmtpSettings smtp, boolean acknowledge, boolean fetchInDesktop,
                           String warning, OAuthAccount oauth) {

    /** Nothing set up: no intake, no replies, no acknowledgements. */
    public static final MailSettings NONE = new MailSettings(null, null, false, true, null, null);

    /** Settings without an OAuth sign-in. */
    public MailSettings(ImapSettings imap, SmtpSettings smtp, boolean acknowledge, boolean fetchInDesktop, String warning) {
        this(imap, smtp, acknowledge, fetchInDesktop, warning, null);
    }

    public Optional<ImapSettings> imapSettings() {
        return Optional.ofNullable(imap);
    }

    public Optional<SmtpSettings> smtpSettings() {
        return Optional.ofNullable(smtp);
    }

    public Optional<OAuthAccount> oauthAccount() {
        return Optional.ofNullable(oauth);
    }

    public MailSettings withImap(ImapSettings i) {
        return new MailSettings(i, smtp, acknowledge, fetchInDesktop, warning, oauth);
    }

    public MailSettings withSmtp(SmtpSettings s) {
        return new MailSettings(imap, s, acknowledge, fetchInDesktop, warning, oauth);
    }

    public MailSettings withAcknowledge(boolean on) {
        return new MailSettings(imap, smtp, on, fetchInDesktop, warning, oauth);
    }

    public MailSettings withFetchInDesktop(boolean on) {
        return new MailSettings(imap, smtp, acknowledge, on, warning, oauth);
    }

    public MailSettings withOAuth(OAuthAccount account) {
        return new MailSettings(imap, smtp, acknowledge, fetchInDesktop, warning, account);
    }
}
