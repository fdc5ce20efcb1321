package com.supportdesk.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.oauth.OAuthClient;
import com.supportdesk.mail.oauth.TokenGrant;

/** What the desktop and the headless sign-in do with a finished OAuth 2.0 sign-in. */
public final class MailSignIn {

    private MailSignIn() {
    }

    /**
     * Saves the sign-in (refresh token encrypted) and switches the given IMAP account, and the SMTP server when given,
     * to it; other settings stay as saved.
     *
     * @return the saved sign-in
     */
    public static OAuthAccount save(MailSettingsService settings, Agent admin, OAuthClient client, TokenGrant grant,
                                    ImapSettings imap, SmtpSettings smtp) {
        OAuthAccount account = settings.saveSignIn(admin, client, grant.account(), grant.refreshToken());
        MailSettings next = settings.load();
        if (imap != null) {
            next = next.withImap(imap.withAuth(MailAuth.OAUTH));
        }
        if (smtp != null) {
            next = next.withSmtp(smtp.withAuth(MailAuth.OAUTH));
        }
        settings.save(admin, next);
        return account;
    }

    /** Logs in to the SMTP server with {@code accessToken} without sending anything. */
    public static void checkSmtp(SmtpSettings smtp, String accessToken) throws MailSendException {
        new SmtpSender(smtp.withAuth(MailAuth.OAUTH), MailTimeouts.defaults(), MailTokens.Source.fixed(accessToken))
                .checkConnection();
    }
}
