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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient accessors for MIME parts: malformed headers give defaults, not exceptions. */
final class Parts {

    private static final Pattern TYPE_TOKEN = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");
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
        return raw == null || raw.isBlank() ? null : HeaderText.unfold(raw).replaceAll(";(\\s*;)+", ";").trim();
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

    /** The multipart content of a multipart part; throws when its structure cannot be read. */
    static Multipart multipart(Part part) throws MessagingException {
        MimePartDataSource content = new MimePartDataSource((MimePart) part);
        String type = contentType(part);
        return new MimeMultipart(new DataSource() {
            @Override
            public InputStream getInputStream() throws IOException {
                return content.getInputStream();
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
        });
    }

    /** Follows child indexes from the message down to a part. */
    static Part navigate(Part root, int[] path) throws MessagingException {
        Part part = root;
        for (int index : path) {
            part = multipart(part).getBodyPart(index);
        }
        return part;
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

    static String sanitizeFileName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (base.length() > MAX_NAME) {
            int dot = base.lastIndexOf('.');
            String ext = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return base.isEmpty() ? null : base;
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
