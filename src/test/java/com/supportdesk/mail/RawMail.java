package com.supportdesk.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds raw test messages byte by byte: text parts with LF turned into CRLF, raw byte parts as they are. */
final class RawMail {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static RawMail of(String text) {
        return new RawMail().text(text);
    }

    /** Text in ISO-8859-1 (one byte per char, so {@code \u00e9} is the byte 0xE9), LF → CRLF. */
    RawMail text(String text) {
        return bytes(crlf(text).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Text encoded in {@code charset}, LF → CRLF. */
    RawMail text(String text, Charset charset) {
        return bytes(crlf(text).getBytes(charset));
    }

    RawMail bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
