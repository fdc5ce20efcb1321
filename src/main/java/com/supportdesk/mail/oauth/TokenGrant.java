package com.supportdesk.mail.oauth;

import java.time.Instant;

/**
 * What a token endpoint handed out. The tokens never appear in {@link #toString()}.
 *
 * @param refreshToken null when the server did not send one (on a refresh: the old one stays valid)
 * @param account      the signed-in account as the ID token names it ({@code email}, {@code preferred_username} or
 *                     {@code upn}), or null when the server sent no ID token
 */
public record TokenGrant(String accessToken, Instant expiresAt, String refreshToken, String account) {

    public TokenGrant {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new IllegalArgumentException("no access token");
        }
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=****, expiresAt=" + expiresAt + ", refreshToken="
                + (refreshToken == null ? "(none)" : "****") + ", account=" + account + "]";
    }
}
