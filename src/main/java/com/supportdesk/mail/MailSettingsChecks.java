package com.supportdesk.mail;

/** Checks shared by {@link ImapSettings} and {@link SmtpSettings}. */
final class MailSettingsChecks {

    private MailSettingsChecks() {
    }

    static String host(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("mail server host name missing");
        }
        return host.trim();
    }

    static void port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mail server port must be 1 to 65535, not " + port);
        }
    }

    /** Never the password itself: only whether there is one. */
    static String mask(String password) {
        return password == null || password.isEmpty() ? "(none)" : "****";
    }
}
