package com.supportdesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Turns raw header values as Jakarta Mail returns them into clean Unicode text. */
final class HeaderText {

    private HeaderText() {
    }

    /**
     * Jakarta Mail reads header bytes as ISO-8859-1 (one char per byte). Raw 8-bit header text is
     * turned back into its bytes and decoded as UTF-8 when valid, else as windows-1252.
     */
    static String recover8bit(String raw) {
        return recover8bit(raw, null);
    }

    /**
     * Like {@link #recover8bit(String)}, but bytes that are not UTF-8 are decoded with the charset of the
     * message body when there is one: old mailers write raw subjects in the body's charset (e.g. Big5).
     */
    static String recover8bit(String raw, String bodyCharset) {
        if (raw == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return raw; // already Unicode (set by code, not read from bytes)
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return raw;
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        return MailCharsets.strictUtf8(bytes, bytes.length).orElseGet(() -> MailCharsets.decode(bytes, bodyCharset));
    }

    /** A folding line break: CRLF or LF before a space or tab. */
    private static final Pattern FOLD = Pattern.compile("\r?\n(?=[ \t])");

    /** Removes folding line breaks. */
    static String unfold(String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value; // most headers fit on one line
        }
        return FOLD.matcher(value).replaceAll("").replace("\r", "").replace("\n", " ");
    }

    /** Raw header value to display text: 8-bit recovery, unfolding, RFC 2047, control chars, spaces. */
    static String decode(String raw) {
        return decode(raw, null);
    }

    /** {@link #decode(String)} with the body charset as the guess for raw 8-bit bytes. */
    static String decode(String raw, String bodyCharset) {
        if (raw == null) {
            return null;
        }
        return clean(EncodedWords.decode(unfold(recover8bit(raw, bodyCharset))));
    }

    /** Removes control characters, turns C1 controls into the windows-1252 characters meant, collapses spaces. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                c = new String(new byte[] {(byte) c}, MailCharsets.WINDOWS_1252).charAt(0);
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0' || c == '\uFFFD') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
