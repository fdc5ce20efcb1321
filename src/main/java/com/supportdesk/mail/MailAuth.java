package com.supportdesk.mail;

import java.util.Locale;

/** How the desk signs in to a mail server. */
public enum MailAuth {
    /** User name and password (for servers that still take them). */
    PASSWORD,
    /**
     * SASL XOAUTH2 with an OAuth 2.0 access token from the saved sign-in ({@link OAuthAccount}); the desk refreshes
     * the token itself.
     */
    OAUTH;

    /** {@code password} or {@code oauth}; null or blank is {@link #PASSWORD}. */
    public static MailAuth parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "password" -> PASSWORD;
            case "oauth", "oauth2", "xoauth2" -> OAUTH;
            default -> throw new IllegalArgumentException("unknown sign-in method '" + text + "' (expected password or oauth)");
        };
    }

    /** The word saved in the settings table. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
