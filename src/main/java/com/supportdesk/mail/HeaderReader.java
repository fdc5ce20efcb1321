package com.supportdesk.mail;

import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads a message's header section and decides what a line of only white space means.
 *
 * <p>Obsolete RFC 822 syntax lets folded headers contain lines of only white space, while broken mailers
 * end the header section with such a line instead of an empty one. Jakarta Mail can only treat them all
 * one way; here a white-space line is folding when the next line continues a header or starts a new
 * header field, and the end of the headers otherwise. The stream is left just after the header section,
 * so it must support mark/reset (Jakarta Mail's shared streams do).
 */
final class HeaderReader {

    static final Pattern HEADER_FIELD = Pattern.compile("^[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:.*", Pattern.DOTALL);
    private static final int LOOKAHEAD = 64 * 1024;

    private HeaderReader() {
    }

    static InternetHeaders read(InputStream in) throws IOException {
        InternetHeaders headers = new InternetHeaders();
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
            headers.addHeaderLine(line);
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
