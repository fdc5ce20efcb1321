package com.supportdesk.mail;

import com.supportdesk.mail.oauth.OAuthClient;
import java.time.Instant;

/**
 * The saved OAuth 2.0 sign-in the mailbox's IMAP and SMTP connections use (see {@link MailTokens}): the app
 * registration, who signed in, and the refresh token (stored encrypted like the mail passwords). The refresh token
 * never appears in {@link #toString()}.
 *
 * @param account      the account the sign-in returned (e.g. {@code support@example.com}), or null when the server
 *                     did not name it
 * @param refreshToken null when it could not be decrypted on this computer (then {@link MailSettings#warning()}
 *                     says why)
 * @param grantId      a random id made at each sign-in: a new sign-in (by anyone, anywhere) replaces the grant
 *                     every process caches tokens for
 */
public record OAuthAccount(OAuthClient client, String account, String refreshToken, String grantId,
                           Instant signedInAt) {

    public OAuthAccount {
        if (client == null) {
            throw new IllegalArgumentException("the sign-in has no app registration");
        }
        if (grantId == null || grantId.isBlank()) {
            throw new IllegalArgumentException("the sign-in has no id");
        }
        account = account == null || account.isBlank() ? null : account.strip();
        refreshToken = refreshToken == null || refreshToken.isEmpty() ? null : refreshToken;
    }

    /** {@code support@example.com (Microsoft 365)}, or the provider alone when the account is unknown. */
    public String describe() {
        return (account == null ? "an account the server did not name" : account) + " (" + client.provider().label() + ")";
    }

    public OAuthAccount withRefreshToken(String token) {
        return new OAuthAccount(client, account, token, grantId, signedInAt);
    }

    @Override
    public String toString() {
        return "OAuthAccount[client=" + client + ", account=" + account + ", refreshToken="
                + (refreshToken == null ? "(none)" : "****") + ", grantId=" + grantId + ", signedInAt=" + signedInAt + "]";
    }
}
