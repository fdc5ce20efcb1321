package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void imapUrl() {
        ImapSettings s = ImapSettings.fromUrl("imap://support%40example.com@mail.example.com:1143/Support/Inbox",
                TlsMode.STARTTLS, "pw");
        assertThat(s.host()).isEqualTo("mail.example.com");
        assertThat(s.port()).isEqualTo(1143);
        assertThat(s.user()).isEqualTo("support@example.com");
        assertThat(s.folder()).isEqualTo("Support/Inbox");
        assertThat(s.tls()).isEqualTo(TlsMode.STARTTLS);
        assertThat(s.afterImport()).isEqualTo(AfterImport.MARK_SEEN);
        assertThat(s.account()).isEqualTo("support@example.com@mail.example.com");

        ImapSettings defaults = ImapSettings.fromUrl("imap://desk@mail.example.com", TlsMode.SSL, "pw");
        assertThat(defaults.port()).isEqualTo(993);
        assertThat(defaults.folder()).isEqualTo("INBOX");
        assertThat(ImapSettings.fromUrl("imap://desk@h", TlsMode.NONE, "pw").port()).isEqualTo(143);
        assertThat(ImapSettings.fromUrl("imaps://desk@h", null, "pw").tls()).isEqualTo(TlsMode.SSL);
    }

    @Test
    void badImapUrlsAreRejected() {
        assertThatThrownBy(() -> ImapSettings.fromUrl("http://desk@h/INBOX", TlsMode.NONE, "pw"))
                .hasMessageContaining("imap://USER@HOST:PORT/FOLDER");
        assertThatThrownBy(() -> ImapSettings.fromUrl("imap://h/INBOX", TlsMode.NONE, "pw"))
                .hasMessageContaining("user and a host");
        assertThatThrownBy(() -> ImapSettings.fromUrl("imap://desk:secret@h/INBOX", TlsMode.NONE, "pw"))
                .hasMessageContaining("not in the URL").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new ImapSettings("h", 143, TlsMode.NONE, "u", "p", "INBOX", AfterImport.MOVE, " "))
                .hasMessageContaining("move");
        assertThatThrownBy(() -> new ImapSettings("h", 0, TlsMode.NONE, "u", "p", null, null, null))
                .hasMessageContaining("port");
    }

    @Test
    void passwordsAreMasked() {
        ImapSettings imap = new ImapSettings("h", 143, TlsMode.NONE, "u", "hunter2", null, null, null);
        assertThat(imap.toString()).doesNotContain("hunter2").contains("password=****");
        SmtpSettings smtp = new SmtpSettings("h", 587, TlsMode.STARTTLS, "u", "hunter2", "desk@x.org", "Desk");
        assertThat(smtp.toString()).doesNotContain("hunter2").contains("password=****");
        assertThat(new SmtpSettings("h", 25, TlsMode.NONE, "", null, "desk@x.org", null).toString())
                .contains("password=(none)");
    }

    @Test
    void tlsModesAndDefaultPorts() {
        assertThat(TlsMode.parse("STARTTLS")).isEqualTo(TlsMode.STARTTLS);
        assertThat(TlsMode.parse(" ssl ")).isEqualTo(TlsMode.SSL);
        assertThat(TlsMode.parse("none")).isEqualTo(TlsMode.NONE);
        assertThatThrownBy(() -> TlsMode.parse("maybe")).hasMessageContaining("none, starttls or ssl");
        assertThat(SmtpSettings.defaultPort(TlsMode.STARTTLS)).isEqualTo(587);
        assertThat(SmtpSettings.defaultPort(TlsMode.SSL)).isEqualTo(465);
        assertThat(new SmtpSettings("h", 25, TlsMode.NONE, " ", "", "desk@x.org", "").needsLogin()).isFalse();
        assertThatThrownBy(() -> new SmtpSettings("h", 25, TlsMode.NONE, null, null, "not an address", ""))
                .hasMessageContaining("From address");
    }

    @Test
    void lenientPropertiesAreInstalledIdempotentlyAndRespectOverrides() {
        String key = "mail.mime.parameters.strict";
        MailSystemProperties.install();
        MailSystemProperties.install();
        assertThat(System.getProperty(key)).isEqualTo("false");
        MailSystemProperties.LENIENT.forEach((k, v) -> assertThat(System.getProperty(k)).as(k).isNotNull());

        String overridden = "mail.mime.address.strict";
        String before = System.getProperty(overridden);
        try {
            System.setProperty(overridden, "true"); // as if set on the command line
            MailSystemProperties.install();
            assertThat(System.getProperty(overridden)).isEqualTo("true");
        } finally {
            System.setProperty(overridden, before);
        }
    }
}
