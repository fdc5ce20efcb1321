package com.supportdesk.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A mail account written as a URL, {@code SCHEME://USER@HOST:PORT/PATH} (the user may be URL-encoded, e.g.
 * {@code support%40example.com}); never with a password in it.
 *
 * @param secure true for the TLS scheme ({@code imaps}, {@code smtps})
 * @param port   -1 when not given
 */
record MailUrl(boolean secure, String user, String host, int port, String path) {

    /** Reads {@code url} whose scheme is {@code plain} or {@code plain + "s"}; {@code example} is shown when it is not. */
    static MailUrl parse(String url, String plain, String example) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an " + plain.toUpperCase(Locale.ROOT) + " URL (expected " + example
                    + "): " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(plain) && !scheme.equals(plain + "s")) {
            throw new IllegalArgumentException("not an " + plain.toUpperCase(Locale.ROOT) + " URL (expected " + example
                    + "): " + url);
        }
        String rawUser = uri.getRawUserInfo();
        if (rawUser == null || rawUser.isBlank() || uri.getHost() == null) {
            throw new IllegalArgumentException("the " + plain.toUpperCase(Locale.ROOT) + " URL needs a user and a host: "
                    + example);
        }
        if (rawUser.contains(":")) {
            throw new IllegalArgumentException("put the password in the settings or the environment, not in the URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new MailUrl(scheme.endsWith("s"), URLDecoder.decode(rawUser, StandardCharsets.UTF_8), uri.getHost(),
                uri.getPort(), path);
    }
}
