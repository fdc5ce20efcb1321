package com.supportdesk.mail;

import jakarta.mail.Session;
import java.util.Properties;

/** Session properties for IMAP and SMTP: timeouts, TLS, and IMAP fetch behaviour. No passwords here. */
final class MailSessions {

    /** IMAP partial-fetch block: large messages are streamed in blocks of this size. */
    static final int IMAP_FETCH_BLOCK = 1024 * 1024;

    private MailSessions() {
    }

    static Session imap(ImapSettings s, MailTimeouts t) {
        Properties p = common("imap", s.host(), s.port(), s.tls(), t);
        p.put("mail.imap.peek", "true"); // reading never sets \Seen; that happens after the commit
        p.put("mail.imap.partialfetch", "true");
        p.put("mail.imap.fetchsize", String.valueOf(IMAP_FETCH_BLOCK));
        if (s.oauth()) {
            oauth(p, "imap");
        }
        return Session.getInstance(p);
    }

    static Session smtp(SmtpSettings s, MailTimeouts t) {
        Properties p = common("smtp", s.host(), s.port(), s.tls(), t);
        p.put("mail.smtp.auth", String.valueOf(s.needsLogin()));
        p.put("mail.smtp.from", s.fromAddress()); // envelope sender: bounces come back to the desk
        if (s.oauth()) {
            oauth(p, "smtp");
        }
        return Session.getInstance(p);
    }

    /**
     * Only SASL XOAUTH2, the access token in place of the password (Angus Mail's built-in mechanism), and never the
     * plain LOGIN/PLAIN mechanisms that would hand the token over as a password.
     */
    private static void oauth(Properties p, String protocol) {
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "auth.mechanisms", "XOAUTH2");
        p.put(prefix + "auth.login.disable", "true");
        p.put(prefix + "auth.plain.disable", "true");
    }

    private static Properties common(String protocol, String host, int port, TlsMode tls, MailTimeouts t) {
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.put(prefix + "host", host);
        p.put(prefix + "port", String.valueOf(port));
        p.put(prefix + "connectiontimeout", String.valueOf(t.connect().toMillis()));
        p.put(prefix + "timeout", String.valueOf(t.read().toMillis()));
        p.put(prefix + "writetimeout", String.valueOf(t.write().toMillis()));
        p.put(prefix + "ssl.enable", String.valueOf(tls == TlsMode.SSL));
        p.put(prefix + "starttls.enable", String.valueOf(tls == TlsMode.STARTTLS));
        p.put(prefix + "starttls.required", String.valueOf(tls == TlsMode.STARTTLS));
        p.put(prefix + "ssl.checkserveridentity", "true");
        return p;
    }
}
