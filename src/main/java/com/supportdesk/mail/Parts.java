package com.supportdesk.mail;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.ParseException;
import jakarta.mail.internet.SharedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient accessors for MIME parts: malformed headers give defaults, not exceptions. */
final class Parts {

    private static final Pattern TYPE_TOKEN = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");
    /** A run of empty parameters ({@code ;;}, {@code ; ;}). */
    private static final Pattern EMPTY_PARAMETERS = Pattern.compile(";(\\s*;)+");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("message/rfc822", ".eml"), Map.entry("message/global", ".eml"),
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/calendar", ".ics"),
            Map.entry("text/rfc822-headers", ".txt"), Map.entry("message/delivery-status", ".txt"),
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"),
            Map.entry("application/pdf", ".pdf"), Map.entry("application/zip", ".zip"));
    private static final int MAX_NAME = 200;

    private Parts() {
    }

    /** Lower-case {@code type/subtype}; {@code text/plain} when missing or unreadable (RFC 2045 default). */
    static String baseType(Part part) {
        return baseType(part, "text/plain");
    }

    /** Lower-case {@code type/subtype}; {@code defaultType} when missing or unreadable. */
    static String baseType(Part part, String defaultType) {
        String raw = contentType(part);
        if (raw == null) {
            return defaultType;
        }
        try {
            return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            Matcher m = TYPE_TOKEN.matcher(raw);
            return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : defaultType;
        }
    }

    /** The Content-Type header unfolded, with runs of empty parameters ({@code ;;}) removed; or null. */
    static String contentType(Part part) {
        String raw = firstHeader(part, "Content-Type");
        return raw == null || raw.isBlank() ? null : EMPTY_PARAMETERS.matcher(HeaderText.unfold(raw)).replaceAll(";").trim();
    }

    /** A Content-Type parameter, or null. */
    static String typeParameter(Part part, String name) {
        String raw = contentType(part);
        if (raw == null) {
            return null;
        }
        try {
            return new ContentType(raw).getParameter(name);
        } catch (ParseException | RuntimeException e) {
            Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\s*=\\s*\"?([^\";\\s]+)").matcher(raw);
            return m.find() ? m.group(1) : null;
        }
    }

    static String firstHeader(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The multipart content of a multipart part, with at most {@code maxParts} parts; throws when its structure
     * cannot be read.
     *
     * <p>Jakarta Mail reads every part of a multipart as soon as it is asked for one, and each part it reads from a
     * file holds a buffer of its own: 20,000 tiny parts in a 140 KB message took more than 512 MB. So the content is
     * first scanned for its delimiter lines (one pass, nothing kept) and Jakarta Mail gets only the stretch that
     * holds the first {@code maxParts} parts, still as a shared stream (parts are read from the source on demand).
     */
    static Multipart multipart(Part part, int maxParts) throws MessagingException {
        return limitedMultipart(part, maxParts).multipart();
    }

    /** A multipart and whether parts after the first {@code maxParts} were left out. */
    record Limited(Multipart multipart, boolean cut) {
    }

    /** {@link #multipart(Part, int)}, telling whether parts were left out. */
    static Limited limitedMultipart(Part part, int maxParts) throws MessagingException {
        MimePartDataSource content = new MimePartDataSource((MimePart) part);
        String type = contentType(part);
        String boundary = typeParameter(part, "boundary");
        long cut;
        try (InputStream in = content.getInputStream()) {
            cut = delimiterOffset(in, boundary, maxParts + 1);
        } catch (IOException e) {
            throw new MessagingException("The parts could not be read: " + e.getMessage(), e);
        }
        return new Limited(new MimeMultipart(new DataSource() {
            @Override
            public InputStream getInputStream() throws IOException {
                InputStream in = content.getInputStream();
                if (cut < 0) {
                    return in;
                }
                if (in instanceof SharedInputStream shared) {
                    InputStream stretch = shared.newStream(0, cut);
                    in.close();
                    return stretch;
                }
                return new BoundedInputStream(in, cut);
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
                throw new IOException("read only");
            }

            @Override
            public String getContentType() {
                return type == null ? content.getContentType() : type;
            }

            @Override
            public String getName() {
                return content.getName();
            }
        }), cut >= 0);
    }

    /**
     * Offset of the line break in front of the {@code n}-th delimiter line — {@code --boundary}, maybe {@code --},
     * then only blanks — (the break belongs to the delimiter, not to the part before it), or -1 when there are fewer
     * or there is no boundary. One pass over the stream.
     */
    static long delimiterOffset(InputStream in, String boundary, int n) throws IOException {
        if (boundary == null || boundary.isEmpty()) {
            return -1; // Jakarta Mail guesses it from the content; it is not cut
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] buf = new byte[64 * 1024];
        long pos = 0;
        long breakStart = 0; // where the line break in front of this line starts
        int matched = 0;     // bytes of the delimiter matched at the start of this line; -1: this line is no delimiter
        int dashes = 0;      // "--" after the delimiter (the close delimiter)
        boolean blanks = false;
        int seen = 0;
        byte previous = 0;
        for (int read; (read = in.read(buf)) > 0; ) {
            for (int i = 0; i < read; i++, pos++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    if (matched == delimiter.length && (dashes == 0 || dashes == 2) && ++seen == n) {
                        return breakStart;
                    }
                    if (b == '\n') {
                        breakStart = previous == '\r' ? pos - 1 : pos;
                    }
                    matched = b == '\n' ? 0 : -1;
                    dashes = 0;
                    blanks = false;
                } else if (matched >= 0 && matched < delimiter.length) {
                    matched = b == delimiter[matched] ? matched + 1 : -1;
                } else if (matched == delimiter.length) {
                    if (b == '-' && !blanks && dashes < 2) {
                        dashes++;
                    } else if (b == ' ' || b == '\t') {
                        blanks = true;
                    } else {
                        matched = -1;
                    }
                }
                previous = b;
            }
        }
        return -1;
    }

    /** Follows child indexes from the message down to a part, reading each multipart with its part limit. */
    static Part navigate(Part root, int[] path, int[] limits) throws MessagingException {
        Part part = root;
        for (int i = 0; i < path.length; i++) {
            part = multipart(part, limits[i]).getBodyPart(path[i]);
        }
        return part;
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, Math.max(0, left)));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), Math.max(0, left));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    static boolean isAttachmentDisposition(Part part) {
        String raw = firstHeader(part, "Content-Disposition");
        return raw != null && HeaderText.unfold(raw).trim().toLowerCase(Locale.ROOT).startsWith("attachment");
    }

    static boolean isInlineDisposition(Part part) {
        String raw = firstHeader(part, "Content-Disposition");
        return raw != null && HeaderText.unfold(raw).trim().toLowerCase(Locale.ROOT).startsWith("inline");
    }

    /** Decoded, path-free, safe file name from Content-Disposition filename or Content-Type name; or null. */
    static String fileName(Part part) {
        String raw = null;
        String disposition = firstHeader(part, "Content-Disposition");
        if (disposition != null) {
            try {
                raw = new ContentDisposition(disposition).getParameter("filename");
            } catch (ParseException | RuntimeException e) {
                raw = null;
            }
        }
        if (raw == null) {
            raw = typeParameter(part, "name");
        }
        return raw == null ? null : sanitizeFileName(HeaderText.decode(raw));
    }

    /**
     * A name that is safe to show and to save under: no folder part; no control characters, no bidirectional
     * overrides or other invisible format characters (which can make {@code invoice\u202Efdp.exe} look like
     * {@code invoiceexe.pdf}) and no invisible fillers; every kind of white space as a plain space; characters that
     * Windows forbids in names as {@code _}; no dots or spaces at either end; at most {@value #MAX_NAME} characters
     * (keeping a short extension). One pass over the name, however long it is.
     */
    static String sanitizeFileName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(Math.min(base.length(), 4 * MAX_NAME));
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                kept.append(' ');
            } else if ("<>:\"|?*".indexOf(cp) >= 0) {
                kept.append('_');
            } else {
                kept.appendCodePoint(cp);
            }
        }
        base = PlainText.trim(kept.toString(), c -> c == '.' || c == ' ');
        if (base.length() > MAX_NAME) {
            int dot = base.lastIndexOf('.');
            String ext = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return base.isEmpty() ? null : base;
    }

    /**
     * Control characters, format characters (bidirectional embeddings, overrides and isolates, zero-width spaces
     * and joiners, soft hyphens, BOMs…), line and paragraph separators, unpaired surrogates, variation selectors
     * and the fillers that render as nothing.
     */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4
                || cp == 0x17B5 || cp == 0x180E || cp == 0x3164 || cp == 0xFFA0 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    static String defaultFileName(String type, int number) {
        return "attachment-" + number + EXTENSIONS.getOrDefault(type, type.startsWith("text/") ? ".txt" : ".bin");
    }

    /** Decoded size, counted by streaming the content (nothing is kept). */
    static long decodedSize(Part part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
            return total;
        }
    }
}
