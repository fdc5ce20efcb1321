package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13: attachment names lose bidirectional overrides and every other invisible or control character. */
class AttachmentNamesTest {

    static {
        MailSystemProperties.install();
    }

    @Test
    void invisibleAndControlCharactersAreStripped() {
        assertThat(Parts.sanitizeFileName("invoice\u202Efdp.exe")).as("right-to-left override").isEqualTo("invoicefdp.exe");
        assertThat(Parts.sanitizeFileName("a\u2066b\u2069c\u200Bd\u200De\uFEFFf\u00ADg.pdf")).isEqualTo("abcdefg.pdf");
        assertThat(Parts.sanitizeFileName("re\u0000po\u0007rt\u2028.txt")).isEqualTo("report.txt");
        assertThat(Parts.sanitizeFileName("\u3164\u115F report\u00A0final\t.pdf")).isEqualTo("report final.pdf");
        assertThat(Parts.sanitizeFileName("..\\..\\evil:name?.bat")).isEqualTo("evil_name_.bat");
        assertThat(Parts.sanitizeFileName(" .hidden. ")).isEqualTo("hidden");
        assertThat(Parts.sanitizeFileName("\u202E\u200B")).isNull();
        assertThat(Parts.sanitizeFileName("Käse-😀.png")).isEqualTo("Käse-😀.png");
    }

    @Test
    void aBidiOverrideInAnEncodedNameDoesNotReachTheAttachment() throws Exception {
        ParsedMail mail = new MailParser().parse(RawMail.of("""
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe

                MZ
                --b
                Content-Type: application/octet-stream; name="=?UTF-8?Q?photo=E2=80=8B=E2=81=A6gpj.scr?="

                MZ
                --b--
                """).build());
        assertThat(mail.attachments()).extracting(MailAttachment::fileName).containsExactly("invoicefdp.exe", "photogpj.scr");
    }
}
