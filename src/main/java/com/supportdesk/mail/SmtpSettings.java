package com.supportdesk.mail;

/**
 * An SMTP account for replies. The password never appears in {@link #toString()}.
 *
 * @param user        empty or null for a server that needs no login
 * @param fromAddress the desk's address, used as From and for generated Message-IDs
 * @param fromName    display name of the desk, may be empty
 */
public record SmtpSettings(String host, int port, TlsMode tls, String user, String password, String fromAddress,
                           String fromName) {

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
                + ", fromName=" + fromName + "]";
    }
}
