package com.supportdesk.mail;


/**
 * An IMAP account. The password never appears in {@link #toString()}.
 *
 * @param folder       folder to read, {@code INBOX} when blank
 * @param moveToFolder where {@link AfterImport#MOVE} puts processed messages (required for MOVE)
 * @param auth         password, or the saved OAuth 2.0 sign-in (then {@code password} is unused and empty)
 */
public record ImapSettings(String host, int port, TlsMode tls, String user, String password, String folder,
                           AfterImport afterImport, String moveToFolder, MailAuth auth) {

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
        auth = auth == null ? MailAuth.PASSWORD : auth;
    }

    /** An account that signs in with a password. */
    public ImapSettings(String host, int port, TlsMode tls, String user, String password, String folder,
                        AfterImport afterImport, String moveToFolder) {
        this(host, port, tls, user, password, folder, afterImport, moveToFolder, MailAuth.PASSWORD);
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
        MailUrl u = MailUrl.parse(url, "imap", "imap://USER@HOST:PORT/FOLDER");
        TlsMode mode = tls != null ? tls : u.secure() ? TlsMode.SSL : TlsMode.NONE;
        int port = u.port() > 0 ? u.port() : defaultPort(mode);
        return new ImapSettings(u.host(), port, mode, u.user(), password, u.path(), AfterImport.MARK_SEEN, null);
    }

    public ImapSettings withAfterImport(AfterImport after, String moveTo) {
        return new ImapSettings(host, port, tls, user, password, folder, after, moveTo, auth);
    }

    /** The same account signing in with {@code method} (OAuth: the password is dropped). */
    public ImapSettings withAuth(MailAuth method) {
        return new ImapSettings(host, port, tls, user, method == MailAuth.OAUTH ? "" : password, folder, afterImport,
                moveToFolder, method);
    }

    /** The same account with another password (e.g. from the environment); the sign-in method stays. */
    public ImapSettings withPassword(String newPassword) {
        return new ImapSettings(host, port, tls, user, newPassword, folder, afterImport, moveToFolder, auth);
    }

    public boolean oauth() {
        return auth == MailAuth.OAUTH;
    }

    /** {@code user@host}, for messages. */
    public String account() {
        return user + "@" + host;
    }

    @Override
    public String toString() {
        return "ImapSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", user=" + user
                + ", password=" + MailSettingsChecks.mask(password) + ", folder=" + folder
                + ", afterImport=" + afterImport + ", moveToFolder=" + moveToFolder + ", auth=" + auth.key() + "]";
    }
}
