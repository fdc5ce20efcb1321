package com.supportdesk.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Real messages that stalled or stopped the intake before issue 13 (each alone: for hours, or until the heap ran
 * out), followed by an ordinary one. The intake must take in all of them, or keep them in the quarantine, in a few
 * seconds.
 */
public final class HostileMail {

    /** The subject of the ordinary message that comes last. */
    public static final String LAST = "Ordinary mail after the hostile ones";

    private HostileMail() {
    }

    /** Raw messages (CRLF), the ordinary one last. */
    public static List<byte[]> messages(String to) {
        String head = "From: Mallory <mallory@attacker.example>\r\nTo: " + to + "\r\n";
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            parts.append("--b\r\n\r\nx\r\n");
        }
        return List.of(
                // 2 MB of blanks without a line break: the old text cleaning was quadratic (hours)
                raw(head + "Subject: blanks\r\nMessage-ID: <hostile-1@attacker.example>\r\n\r\na" + " ".repeat(2_000_000)
                        + "b\r\n"),
                // a subject folded over 100,000 lines: Jakarta Mail's header joining was quadratic (minutes)
                raw(head + "Subject: folded\r\n" + " more\r\n".repeat(100_000)
                        + "Message-ID: <hostile-2@attacker.example>\r\n\r\nbody\r\n"),
                // 20,000 tiny parts in 180 KB: each part held a 64 KB buffer (more than a gigabyte)
                raw(head + "Subject: parts\r\nMessage-ID: <hostile-3@attacker.example>\r\n"
                        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + parts + "--b--\r\n"),
                // an attachment name of 200,000 blanks: the old name cleaning was quadratic (minutes)
                raw(head + "Subject: name\r\nMessage-ID: <hostile-4@attacker.example>\r\n"
                        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Disposition: attachment; filename=\"a" + " ".repeat(200_000) + "b.pdf\"\r\n\r\ndata\r\n"
                        + "--b--\r\n"),
                raw("From: Ann <ann@acme.example>\r\nTo: " + to + "\r\nSubject: " + LAST
                        + "\r\nMessage-ID: <ordinary@acme.example>\r\n\r\nHello\r\n"));
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
