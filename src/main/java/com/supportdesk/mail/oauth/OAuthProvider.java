package com.supportdesk.mail.oauth;

import java.util.Locale;

/** Who issues the mailbox's OAuth 2.0 tokens; the presets fill in endpoints and scopes (see {@link OAuthClient}). */
public enum OAuthProvider {
    /** Microsoft 365 / Exchange Online (Entra ID). */
    MICROSOFT("Microsoft 365"),
    /** Google Workspace / Gmail. */
    GOOGLE("Google"),
    /** Any other OAuth 2.0 server: endpoints and scopes are given. */
    CUSTOM("Other OAuth 2.0 server");

    private final String label;

    OAuthProvider(String label) {
        this.label = label;
    }

    /** How the desk names it, e.g. "Microsoft 365". */
    public String label() {
        return label;
    }

    /** {@code microsoft}, {@code google} or {@code custom} (any case); also the enum names. */
    public static OAuthProvider parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "microsoft", "microsoft365", "m365", "office365", "entra" -> MICROSOFT;
            case "google", "gmail" -> GOOGLE;
            case "custom", "other" -> CUSTOM;
            default -> throw new IllegalArgumentException("unknown sign-in provider '" + text
                    + "' (expected microsoft, google or custom)");
        };
    }

    /** The word used on the command line and in the settings table. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
