package com.supportdesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Searches raw mail for the OFFICIAL-SENSITIVE marking without a MIME parser: for a message the parser could not
 * read (the quarantine), and for a message attached to another (a bounce's returned message). One pass over the
 * bytes, line by line, decoding as far as it can:
 *
 * <ul>
 *   <li>every line as UTF-8 (malformed bytes become U+FFFD), with RFC 2047 encoded words decoded (subjects);</li>
 *   <li>everything again with quoted-printable decoded (soft line breaks joined, {@code =XX} bytes);</li>
 *   <li>each run of base64 lines, decoded.</li>
 * </ul>
 *
 * <p>Binary data cannot be searched: with {@code binaryIsUnsure} (for the quarantine), a source holding binary
 * data — control bytes in its lines or in what its base64 decodes to — is {@link TextMarking#UNSURE}, so an
 * entry that may hide the marking counts as sensitive.
 */
final class RawScan {

    /** Lines longer than this are searched in pieces of this size (a multiple of 4, for unbroken base64). */
    private static final int MAX_LINE = 64 * 1024;
    /** A base64 line is at least this long, unless it continues a run. */
    private static final int BASE64_LINE = 16;
    /** Binary bytes seen before the source counts as binary (a stray byte or two is damage, not content). */
    private static final int BINARY_BYTES = 16;
    /** A run of base64 this short decodes to too little to count as binary content. */
    private static final int BASE64_RUN = 64;

    // one scan per way of reading, so that the texts of two readings never join into a marking
    private final MarkingScan plain = new MarkingScan();
    private final MarkingScan decodedQp = new MarkingScan();
    private final MarkingScan decoded64 = new MarkingScan();
    private final MarkingScan.Decoding lines = new MarkingScan.Decoding(plain, StandardCharsets.UTF_8);
    private final MarkingScan.Decoding qp = new MarkingScan.Decoding(decodedQp, StandardCharsets.UTF_8);
    private final MarkingScan.Decoding base64Text = new MarkingScan.Decoding(decoded64, StandardCharsets.UTF_8);
    private final boolean binaryIsUnsure;
    private final byte[] qpOut = new byte[MAX_LINE];
    private final byte[] b64Out = new byte[MAX_LINE];
    private int binary;
    private boolean inRun;
    private long runChars;
    private int runBinary;
    private int quad;
    private int quadBits;

    private RawScan(boolean binaryIsUnsure) {
        this.binaryIsUnsure = binaryIsUnsure;
    }

    /** The raw message in a file, as the quarantine classifies it. */
    static TextMarking of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in, true);
        }
    }

    /** @param binaryIsUnsure whether binary data makes the verdict {@link TextMarking#UNSURE} */
    static TextMarking of(InputStream in, boolean binaryIsUnsure) throws IOException {
        RawScan raw = new RawScan(binaryIsUnsure);
        raw.read(in);
        return raw.verdict();
    }

    private void read(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        byte[] line = new byte[MAX_LINE];
        int len = 0;
        for (int n; (n = in.read(buf)) > 0 && !found(); ) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                line[len++] = b;
                if (b == '\n' || len == MAX_LINE) {
                    line(line, len, b == '\n');
                    len = 0;
                }
            }
        }
        if (len > 0) {
            line(line, len, false);
        }
        endRun();
        lines.end();
        qp.end();
    }

    private boolean found() {
        return plain.found() || decodedQp.found() || decoded64.found();
    }

    private TextMarking verdict() {
        if (found()) {
            return TextMarking.MARKED;
        }
        return binaryIsUnsure && binary >= BINARY_BYTES ? TextMarking.UNSURE : TextMarking.UNMARKED;
    }

    /** One line (or a piece of a long one), with its line break when {@code complete}. */
    private void line(byte[] b, int len, boolean complete) {
        int end = len;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (isBinary(b[i])) {
                binary++;
            }
        }
        text(b, len, end);
        quotedPrintable(b, end, complete);
        if (looksLikeBase64(b, end)) {
            inRun = true;
            base64(b, end);
        } else {
            endRun();
        }
    }

    /** The line as text; encoded words decoded where there are any. */
    private void text(byte[] b, int len, int end) {
        if (!contains(b, end, (byte) '=', (byte) '?')) {
            lines.bytes(b, 0, len);
            return;
        }
        plain.text(EncodedWords.decode(new String(b, 0, end, StandardCharsets.UTF_8))).text("\n");
    }

    private void quotedPrintable(byte[] b, int end, boolean complete) {
        int n = 0;
        boolean soft = false;
        for (int i = 0; i < end; i++) {
            byte c = b[i];
            if (c == '=' && i + 2 < end && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
                qpOut[n++] = (byte) (hex(b[i + 1]) * 16 + hex(b[i + 2]));
                i += 2;
            } else if (c == '=' && i == end - 1) {
                soft = true;
            } else {
                qpOut[n++] = c;
            }
        }
        if (complete && !soft) {
            qpOut[n++] = '\n';
        }
        qp.bytes(qpOut, 0, n);
    }

    private void base64(byte[] b, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            int v = base64Value(b[i]);
            if (v < 0) {
                continue; // padding
            }
            runChars++;
            quad = (quad << 6) | v;
            quadBits += 6;
            if (quadBits >= 8) {
                quadBits -= 8;
                byte out = (byte) (quad >> quadBits);
                b64Out[n++] = out;
                if (isBinary(out)) {
                    runBinary++;
                }
            }
        }
        base64Text.bytes(b64Out, 0, n);
    }

    private void endRun() {
        if (!inRun) {
            return;
        }
        base64Text.end();
        if (runChars >= BASE64_RUN) {
            binary += runBinary;
        }
        inRun = false;
        runChars = 0;
        runBinary = 0;
        quad = 0;
        quadBits = 0;
    }

    private boolean looksLikeBase64(byte[] b, int end) {
        int chars = end;
        while (chars > 0 && b[chars - 1] == '=') {
            chars--;
        }
        if (chars == 0 || end - chars > 2 || (!inRun && chars < BASE64_LINE)) {
            return false;
        }
        for (int i = 0; i < chars; i++) {
            if (base64Value(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int base64Value(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }

    /** A control byte that text does not hold (tab, line breaks, form feed and ESC of ISO-2022 are text). */
    private static boolean isBinary(byte c) {
        return (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F;
    }

    private static boolean contains(byte[] b, int end, byte first, byte second) {
        for (int i = 0; i + 1 < end; i++) {
            if (b[i] == first && b[i + 1] == second) {
                return true;
            }
        }
        return false;
    }
}
