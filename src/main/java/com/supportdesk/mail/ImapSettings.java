package com.supportdesk.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An IMAP account. The password never appears in {@link #toString()}.
 *
 * @param folder       folder to read, {@code INBOX} when blank
 * @param moveToFolder where {@link AfterImport#MOVE} puts processed messages (required for MOVE)
 */
public record ImapSettings(String host, int port, TlsMode tls, String user, String password, String folder,
                           AfterImport afterImport, String moveToFolder) {

    public static final String DEFAULT_FOLDER = "INBOX";

    public ImapSettings {
        host = MailSettingsChecks.host(host);
        MailSettingsChecks.port(port);
        if (tls == null) {
            throw new IllegalArgumentException("TLS mode missing (none, starttls or ssl)");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("IMAP user name missing");
        }
        password = password == null ? "" : password;
        folder = folder == null || folder.isBlank() ? DEFAULT_FOLDER : folder.trim();
        afterImport = afterImport == null ? AfterImport.MARK_SEEN : afterImport;
        if (afterImport == AfterImport.MOVE && (moveToFolder == null || moveToFolder.isBlank())) {
            throw new IllegalArgumentException("\"after import: move\" needs a folder to move messages to");
        }
        moveToFolder = moveToFolder == null || moveToFolder.isBlank() ? null : moveToFolder.trim();
    }

    /** Standard port: 993 for SSL, 143 otherwise. */
    public static int defaultPort(TlsMode tls) {
        return tls == TlsMode.SSL ? 993 : 143;
    }

    /**
     * Reads {@code imap://USER@HOST:PORT/FOLDER} (port and folder optional; the user may be URL-encoded,
     * e.g. {@code support%40example.com}). {@code imaps://} is accepted for SSL. After import: mark seen.
     */
    public static ImapSettings fromUrl(String url, TlsMode tls, String password) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an IMAP URL (expected imap://USER@HOST:PORT/FOLDER): " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("imap") && !scheme.equals("imaps")) {
            throw new IllegalArgumentException("not an IMAP URL (expected imap://USER@HOST:PORT/FOLDER): " + url);
        }
        TlsMode mode = tls != null ? tls : scheme.equals("imaps") ? TlsMode.SSL : TlsMode.NONE;
        String rawUser = uri.getRawUserInfo();
        if (rawUser == null || rawUser.isBlank() || uri.getHost() == null) {
            throw new IllegalArgumentException("the IMAP URL needs a user and a host: imap://USER@HOST:PORT/FOLDER");
        }
        if (rawUser.contains(":")) {
            throw new IllegalArgumentException("put the password in the settings or the environment, not in the URL");
        }
        String user = URLDecoder.decode(rawUser, StandardCharsets.UTF_8);
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(mode);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new ImapSettings(uri.getHost(), port, mode, user, password, path, AfterImport.MARK_SEEN, null);
    }

    public ImapSettings withAfterImport(AfterImport after, String moveTo) {
        return new ImapSettings(host, port, tls, user, password, folder, after, moveTo);
    }

    /** {@code user@host}, for messages. */
    public String account() {
        return user + "@" + host;
    }

    @Override
    public String toString() {
        return "ImapSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", user=" + user
                + ", password=" + MailSettingsChecks.mask(password) + ", folder=" + folder
                + ", afterImport=" + afterImport + ", moveToFolder=" + moveToFolder + "]";
    }
}
