package com.supportdesk.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Charset rules for mail text (docs/mail.md).
 *
 * <ul>
 *   <li>{@code iso-8859-1} and {@code latin1} are decoded as {@code windows-1252} (what senders mean), except
 *       that bytes which are valid UTF-8 are decoded as UTF-8: mislabelled UTF-8 is common, while Latin-1 text
 *       that happens to form valid multi-byte UTF-8 sequences practically does not occur;</li>
 *   <li>{@code gb2312} as {@code GBK}, {@code ks_c_5601-1987} as {@code x-windows-949};</li>
 *   <li>a missing, unknown or invalid label, and {@code us-ascii} (8-bit bytes under an ASCII label are
 *       always mislabelled), are decoded as strict UTF-8 if the bytes are valid UTF-8, otherwise as
 *       {@code windows-1252}, which maps every byte.</li>
 * </ul>
 */
final class MailCharsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MailCharsets() {
    }

    /** Decodes bytes labelled with {@code label} (may be null) following the rules above. */
    static String decode(byte[] bytes, int length, String label) {
        Optional<Charset> charset = resolve(label);
        if (charset.isPresent() && !charset.get().equals(WINDOWS_1252)) {
            return new String(bytes, 0, length, charset.get());
        }
        return decodeUnlabelled(bytes, length);
    }

    static String decode(byte[] bytes, String label) {
        return decode(bytes, bytes.length, label);
    }

    /** Strict UTF-8 when the bytes are valid UTF-8, otherwise windows-1252. */
    static String decodeUnlabelled(byte[] bytes, int length) {
        return strictUtf8(bytes, length).orElseGet(() -> new String(bytes, 0, length, WINDOWS_1252));
    }

    /** The bytes as UTF-8 if they are valid UTF-8 (plain ASCII is). */
    static Optional<String> strictUtf8(byte[] bytes, int length) {
        if (isAscii(bytes, length)) {
            return Optional.of(new String(bytes, 0, length, StandardCharsets.US_ASCII));
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /**
     * The charset to use for a label, or empty when the bytes should be sniffed (missing, unknown or
     * invalid label, or an ASCII label).
     */
    static Optional<Charset> resolve(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        int languageTag = name.indexOf('*'); // RFC 2231 charset*language
        if (languageTag >= 0) {
            name = name.substring(0, languageTag);
        }
        switch (name) {
            case "", "us-ascii", "ascii", "ansi_x3.4-1968", "us", "iso646-us", "646", "unknown-8bit", "x-unknown",
                    "default", "none" -> {
                return Optional.empty();
            }
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987", "latin1", "latin-1", "l1", "cp819",
                    "ibm819", "8859-1", "iso88591" -> {
                return Optional.of(WINDOWS_1252);
            }
            case "gb2312", "gb_2312-80", "euc-cn", "x-euc-cn", "cp936", "x-gbk", "gb2312-80", "csgb2312" -> {
                return Optional.of(Charset.forName("GBK"));
            }
            case "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601", "cp949" -> {
                return lookup("x-windows-949").or(() -> lookup("EUC-KR"));
            }
            case "utf8", "utf-8", "unicode-1-1-utf-8" -> {
                return Optional.of(StandardCharsets.UTF_8);
            }
            default -> {
                return lookup(name);
            }
        }
    }

    private static Optional<Charset> lookup(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
