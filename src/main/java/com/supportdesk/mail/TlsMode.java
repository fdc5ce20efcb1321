package com.supportdesk.mail;

import java.util.Locale;

/** How a mail connection is secured. */
public enum TlsMode {
    /** Plain text (only for a server on the same machine or a trusted network). */
    NONE,
    /** Plain connection upgraded with STARTTLS; the upgrade is required, never skipped. */
    STARTTLS,
    /** TLS from the first byte (IMAPS 993, SMTPS 465). */
    SSL;

    /** Accepts {@code none}, {@code starttls}, {@code ssl} (also {@code tls}) in any case. */
    public static TlsMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "none", "plain" -> NONE;
            case "starttls" -> STARTTLS;
            case "ssl", "tls", "ssl/tls" -> SSL;
            default -> throw new IllegalArgumentException("unknown TLS mode '" + text + "' (expected none, starttls or ssl)");
        };
    }
}
