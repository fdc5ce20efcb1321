package com.supportdesk.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient RFC 2047 decoder that uses {@link MailCharsets} (so {@code iso-8859-1} means
 * windows-1252 and unknown charsets are sniffed rather than left encoded).
 *
 * <p>Encoded words are decoded wherever they occur (also inside other words); white space between
 * two adjacent encoded words is dropped; adjacent words in the same charset are joined before
 * decoding, so a multi-byte character split across two words comes out whole.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*?)\\?=");

    private EncodedWords() {
    }

    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        Pending pending = null;
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            String label = m.group(1);
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? decodeB(m.group(3)) : decodeQ(m.group(3));
            boolean adjacent = pending != null && between.isBlank();
            if (adjacent && pending.label.equalsIgnoreCase(label)) {
                pending.bytes.writeBytes(bytes);
            } else {
                if (pending != null) {
                    out.append(pending.decode());
                }
                if (!adjacent) {
                    out.append(between);
                }
                pending = new Pending(label);
                pending.bytes.writeBytes(bytes);
            }
            last = m.end();
        }
        if (pending != null) {
            out.append(pending.decode());
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /** Base64 that ignores stray characters and wrong or missing padding. */
    static byte[] decodeB(String encoded) {
        StringBuilder clean = new StringBuilder(encoded.length() + 3);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                clean.append(c);
            }
        }
        if (clean.length() % 4 == 1) {
            clean.setLength(clean.length() - 1);
        }
        while (clean.length() % 4 != 0) {
            clean.append('=');
        }
        return Base64.getDecoder().decode(clean.toString());
    }

    static byte[] decodeQ(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && isHex(encoded, i + 1) && isHex(encoded, i + 2)) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static final class Pending {
        final String label;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Pending(String label) {
            this.label = label.toLowerCase(Locale.ROOT);
        }

        String decode() {
            return MailCharsets.decode(bytes.toByteArray(), label);
        }
    }
}
