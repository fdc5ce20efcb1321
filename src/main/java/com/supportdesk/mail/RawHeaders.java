package com.supportdesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can still be read from the top of a message the parser rejected: Subject and From, read line by line without
 * MIME parsing. (Whether it is sensitive is decided by searching all of it: {@link RawScan}.)
 */
record RawHeaders(String subject, MailAddress from) {

    static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern HEADER = Pattern.compile("^([!-9;-~]+)[ \\t]*:(.*)$", Pattern.DOTALL);

    static RawHeaders read(Path raw) throws IOException {
        try (InputStream in = Files.newInputStream(raw)) {
            return of(in.readNBytes(HEAD_BYTES));
        }
    }

    static RawHeaders of(byte[] head) {
        String subject = header(head, "Subject").map(HeaderText::decode).filter(s -> !s.isBlank()).orElse(null);
        MailAddress from = header(head, "From").flatMap(v -> Addresses.parse(v).stream().findFirst()).orElse(null);
        return new RawHeaders(subject, from);
    }

    /** A header's (unfolded) raw value from the header section at the top of the source. */
    static Optional<String> header(byte[] head, String name) {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length && !lines[i].isEmpty(); i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (m.matches() && m.group(1).equalsIgnoreCase(name)) {
                StringBuilder value = new StringBuilder(m.group(2));
                for (int j = i + 1; j < lines.length && (lines[j].startsWith(" ") || lines[j].startsWith("\t")); j++) {
                    value.append(' ').append(lines[j].strip());
                }
                return Optional.of(value.toString().strip());
            }
        }
        return Optional.empty();
    }
}
