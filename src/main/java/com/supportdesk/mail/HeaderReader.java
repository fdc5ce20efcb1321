package com.supportdesk.mail;

import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a message's header section and decides what a line of only white space means.
 *
 * <p>Obsolete RFC 822 syntax lets folded headers contain lines of only white space, while broken mailers
 * end the header section with such a line instead of an empty one. Jakarta Mail can only treat them all
 * one way; here a white-space line is folding when the next line continues a header or starts a new
 * header field, and the end of the headers otherwise. The stream is left just after the header section,
 * so it must support mark/reset (Jakarta Mail's shared streams do).
 *
 * <p>What is kept is bounded whatever the message holds: at most {@value #MAX_SAME_NAME} fields of one name,
 * {@value #MAX_FIELDS} fields the desk does not read, {@value #MAX_FIELD_CHARS} characters of one field. The rest
 * is read past (the raw source keeps it) and {@link Headers#cut()} says so.
 */
final class HeaderReader {

    static final Pattern HEADER_FIELD = Pattern.compile("^[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:.*", Pattern.DOTALL);
    private static final int LOOKAHEAD = 64 * 1024;
    /** Fields of one name kept; more (a million {@code Received:} lines) are read past. */
    static final int MAX_SAME_NAME = 200;
    /** Fields kept in all, not counting the ones the desk reads. */
    static final int MAX_FIELDS = 2_000;
    /** Characters of one field kept (unfolded, with its folding line breaks). */
    static final int MAX_FIELD_CHARS = 1024 * 1024;
    /** Characters kept in all, for the fields the desk reads and for the others, each. */
    static final long MAX_CHARS = 4L * 1024 * 1024;
    /** The fields the desk reads: kept even after {@link #MAX_FIELDS} others. */
    private static final Set<String> READ = Set.of("from", "to", "cc", "reply-to", "subject", "date", "message-id",
            "in-reply-to", "references", "content-type", "content-transfer-encoding", "content-disposition",
            "content-id", "mime-version", "return-path", "auto-submitted", "precedence", "list-id", "list-unsubscribe",
            "x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-response-suppress",
            AutomationRules.TICKET_HEADER.toLowerCase(Locale.ROOT));

    /** The header section as read; {@link #cut()} when fields or parts of fields were read past. */
    static final class Headers extends InternetHeaders {
        private boolean cut;
        private int others;
        private long chars;
        private long readChars;
        private final Map<String, Integer> perName = new HashMap<>();

        boolean cut() {
            return cut;
        }

        /** Keeps a whole field (its folding line breaks included) within the limits. */
        void field(String field) {
            int colon = field.indexOf(':');
            String name = (colon < 0 ? field : field.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
            boolean read = READ.contains(name);
            int same = perName.merge(name, 1, Integer::sum);
            if (same > MAX_SAME_NAME || (!read && others >= MAX_FIELDS)
                    || (read ? readChars : chars) + field.length() > MAX_CHARS) {
                cut = true;
                return;
            }
            if (read) {
                readChars += field.length();
            } else {
                others++;
                chars += field.length();
            }
            addHeaderLine(field);
        }
    }

    private HeaderReader() {
    }

    /**
     * Reads the header section. Folded lines are joined here, once per field: Jakarta Mail's
     * {@code addHeaderLine} copies the whole field for every continuation line, which is quadratic (80,000
     * continuation lines took 30 s).
     */
    static Headers read(InputStream in) throws IOException {
        Headers headers = new Headers();
        StringBuilder field = null;
        for (String line; (line = readLine(in)) != null && !line.isEmpty(); ) {
            if (line.isBlank()) {
                in.mark(LOOKAHEAD);
                String next = peekLine(in);
                in.reset();
                if (next == null || !(next.startsWith(" ") || next.startsWith("\t") || HEADER_FIELD.matcher(next).matches())) {
                    break; // the white-space line ends the header section
                }
                continue; // folding: the white-space line adds nothing
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation && field != null) {
                if (field.length() + 2 + line.length() <= MAX_FIELD_CHARS) {
                    field.append("\r\n").append(line);
                } else {
                    headers.cut = true;
                }
                continue;
            }
            if (field != null) {
                headers.field(field.toString());
                field = null;
            }
            if (continuation) {
                headers.addHeaderLine(line); // a continuation before any field: as Jakarta Mail has it
                continue;
            }
            if (line.length() > MAX_FIELD_CHARS) {
                headers.cut = true;
                line = line.substring(0, MAX_FIELD_CHARS);
            }
            field = new StringBuilder(line);
        }
        if (field != null) {
            headers.field(field.toString());
        }
        return headers;
    }

    /** The next line up to LF, for a look-ahead under a mark (so without a mark of its own). */
    private static String peekLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) >= 0 && b != '\n' && b != '\r'; ) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** One line without its line break (CRLF, LF or a lone CR), one char per byte; null at end of input. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
