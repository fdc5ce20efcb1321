package com.supportdesk.mail;

/**
 * An SMTP account for replies. The password never appears in {@link #toString()}.
 *
 * @param user        empty or null for a server that needs no login
 * @param fromAddress the desk's address, used as From and for generated Message-IDs
 * @param fromName    display name of the desk, may be empty
 * @param auth        password, or the saved OAuth 2.0 sign-in over SASL XOAUTH2 (needs a user; the password is unused)
 */
public record SmtpSettings(String host, int port, TlsMode tls, String user, String password, String fromAddress,
                           String fromName, MailAuth auth) {

    public SmtpSettings {
        host = MailSettingsChecks.host(host);
        MailSettingsChecks.port(port);
        if (tls == null) {
            throw new IllegalArgumentException("TLS mode missing (none, starttls or ssl)");
        }
        user = user == null || user.isBlank() ? null : user.trim();
        password = password == null ? "" : password;
        if (fromAddress == null || !fromAddress.trim().matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("the From address is missing or not an address: " + fromAddress);
        }
        fromAddress = fromAddress.trim();
        fromName = fromName == null ? "" : fromName.trim();
        auth = auth == null ? MailAuth.PASSWORD : auth;
        if (auth == MailAuth.OAUTH && user == null) {
            throw new IllegalArgumentException("signing in to the SMTP server with OAuth needs the mailbox's user name");
        }
    }

    /** A server that takes a password (or no login when {@code user} is blank). */
    public SmtpSettings(String host, int port, TlsMode tls, String user, String password, String fromAddress,
                        String fromName) {
        this(host, port, tls, user, password, fromAddress, fromName, MailAuth.PASSWORD);
    }

    /** The same server signing in with {@code method} (OAuth: the password is dropped). */
    public SmtpSettings withAuth(MailAuth method) {
        return new SmtpSettings(host, port, tls, user, method == MailAuth.OAUTH ? "" : password, fromAddress, fromName,
                method);
    }

    public boolean oauth() {
        return auth == MailAuth.OAUTH;
    }

    /**
     * Reads {@code smtp://USER@HOST:PORT} ({@code smtps://} for SSL; the user may be URL-encoded). Without {@code tls}:
     * SSL for {@code smtps://}, else STARTTLS. The From address defaults to the user when that is an address.
     */
    public static SmtpSettings fromUrl(String url, TlsMode tls, String password, String fromAddress, String fromName) {
        MailUrl u = MailUrl.parse(url, "smtp", "smtp://USER@HOST:PORT");
        TlsMode mode = tls != null ? tls : u.secure() ? TlsMode.SSL : TlsMode.STARTTLS;
        int port = u.port() > 0 ? u.port() : defaultPort(mode);
        String from = fromAddress == null || fromAddress.isBlank() ? u.user() : fromAddress;
        return new SmtpSettings(u.host(), port, mode, u.user(), password, from, fromName);
    }

    /** Standard port: 465 for SSL, 587 for STARTTLS, 25 otherwise. */
    public static int defaultPort(TlsMode tls) {
        return switch (tls) {
            case SSL -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
    }

    public boolean needsLogin() {
        return user != null;
    }

    public MailAddress from() {
        return new MailAddress(fromAddress, fromName);
    }

    /** {@code user@host} (or just the host without login), for messages. */
    public String account() {
        return user == null ? host : user + "@" + host;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", user=" + user
                + ", password=" + MailSettingsChecks.mask(password) + ", fromAddress=" + fromAddress
                + ", fromName=" + fromName + ", auth=" + auth.key() + "]";
    }
}
