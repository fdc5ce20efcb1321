package com.supportdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks the MIME tree of one message: picks the body text (text/plain preferred over text/html in
 * multipart/alternative), lists every other leaf as an attachment with a streamable handle, and
 * collects what bounce detection needs. A part that cannot be read is skipped with a note.
 * One walker per message: it collects as it goes.
 */
final class BodyWalker {

    private static final int MAX_HEADER_BLOCK = 256 * 1024;

    /** What the walk found. {@code returnedHeaders} are header blocks of attached / quoted messages. */
    record Result(String text, List<MailAttachment> attachments, List<String> notes, boolean deliveryStatusPart,
                  List<InternetHeaders> returnedHeaders, String firstCharset) {
    }

    private enum Mode { BODY, ATTACHMENTS_ONLY }

    private final ParserOptions options;
    private final RawSource source;
    private final long offset;
    private final Session session;

    private final List<String> segments = new ArrayList<>();
    private final List<MailAttachment> attachments = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<InternetHeaders> returnedHeaders = new ArrayList<>();
    private boolean deliveryStatusPart;
    private String firstCharset;
    private long capLeft;
    private int partCount;

    BodyWalker(ParserOptions options, RawSource source, long offset, Session session) {
        this.options = options;
        this.source = source;
        this.offset = offset;
        this.session = session;
        this.capLeft = options.attachmentCapBytes();
    }

    Result walk(Part message) {
        walk(message, new int[0], 0, Mode.BODY, "text/plain");
        String text = PlainText.cut(String.join("\n\n", segments), options.maxTextChars(), notes);
        return new Result(text, attachments, notes, deliveryStatusPart, returnedHeaders, firstCharset);
    }

    private void walk(Part part, int[] path, int depth, Mode mode, String defaultType) {
        if (++partCount > options.maxParts()) {
            if (partCount == options.maxParts() + 1) {
                notes.add("The message has more than " + options.maxParts() + " MIME parts; the rest were ignored.");
            }
            return;
        }
        String type = Parts.baseType(part, defaultType);
        try {
            if (type.startsWith("multipart/")) {
                walkMultipart(part, type, path, depth, mode);
            } else {
                leaf(part, type, path, mode);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            notes.add("Part " + label(path) + " (" + type + ") could not be read and was skipped: " + e.getMessage());
        }
    }

    private void walkMultipart(Part part, String type, int[] path, int depth, Mode mode)
            throws MessagingException, IOException {
        if (depth >= options.maxDepth()) {
            notes.add("Parts nested deeper than " + options.maxDepth() + " levels were ignored.");
            return;
        }
        Multipart multipart;
        int count;
        try {
            multipart = Parts.multipart(part);
            count = multipart.getCount();
        } catch (MessagingException e) {
            notes.add("The " + type + " structure of part " + label(path) + " is broken (" + e.getMessage()
                    + "); its content was read as text.");
            leaf(part, "text/plain", path, mode);
            return;
        }
        int chosen = type.equals("multipart/alternative") && mode == Mode.BODY ? chooseAlternative(multipart) : -1;
        String childDefault = type.equals("multipart/digest") ? "message/rfc822" : "text/plain";
        for (int i = 0; i < count; i++) {
            Mode childMode = chosen < 0 || i == chosen ? mode : Mode.ATTACHMENTS_ONLY;
            walk(multipart.getBodyPart(i), append(path, i), depth + 1, childMode, childDefault);
        }
    }

    /** Index of the best alternative: non-empty text/plain, then a nested multipart, then text/html. */
    private static int chooseAlternative(Multipart multipart) throws MessagingException {
        int best = 0;
        int bestScore = -1;
        for (int i = 0; i < multipart.getCount(); i++) {
            Part child = multipart.getBodyPart(i);
            String type = Parts.baseType(child);
            int score = switch (type) {
                case "text/plain" -> child.getSize() > 2 ? 3 : 0;
                case "text/html" -> 1;
                default -> type.startsWith("multipart/") ? 2 : 0;
            };
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private void leaf(Part part, String type, int[] path, Mode mode) throws MessagingException, IOException {
        String fileName = Parts.fileName(part);
        switch (type) {
            case "message/delivery-status", "message/global-delivery-status" -> deliveryStatusPart = true;
            case "message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers",
                    "message/global-headers" -> readReturnedHeaders(part);
            default -> { }
        }
        boolean bodyText = (type.equals("text/plain") || type.equals("text/html"))
                && fileName == null && !Parts.isAttachmentDisposition(part);
        if (bodyText) {
            if (firstCharset == null) {
                firstCharset = Parts.typeParameter(part, "charset");
            }
            if (mode == Mode.BODY) {
                String text = type.equals("text/html") ? readHtml(part, path) : readPlain(part, path);
                if (!text.isBlank()) {
                    segments.add(text.strip());
                }
            }
            return;
        }
        addAttachment(part, type, fileName, path);
    }

    private void addAttachment(Part part, String type, String fileName, int[] path) throws MessagingException {
        long size;
        try {
            size = Parts.decodedSize(part);
        } catch (IOException e) {
            notes.add("Attachment " + label(path) + " is damaged (" + e.getMessage() + ").");
            size = 0;
        }
        String name = fileName != null ? fileName : Parts.defaultFileName(type, attachments.size() + 1);
        boolean tooLarge = size > capLeft;
        if (tooLarge) {
            notes.add("Attachment " + name + " is over the " + (options.attachmentCapBytes() / (1024 * 1024))
                    + " MB per-message cap and was not kept.");
        } else {
            capLeft -= size;
        }
        String contentId = MessageIds.normalize(Parts.firstHeader(part, "Content-ID")).orElse("");
        boolean inline = Parts.isInlineDisposition(part) || (!contentId.isEmpty() && !Parts.isAttachmentDisposition(part));
        attachments.add(new MailAttachment(name, type, size, tooLarge, inline, contentId,
                new PartContent(source, offset, session, path)));
    }

    private String readPlain(Part part, int[] path) throws MessagingException, IOException {
        byte[] bytes = read(part, options.maxTextBytes(), path, "text");
        return PlainText.clean(MailCharsets.decode(bytes, Parts.typeParameter(part, "charset")));
    }

    private String readHtml(Part part, int[] path) throws MessagingException, IOException {
        byte[] bytes = read(part, options.maxHtmlChars(), path, "HTML");
        String html = MailCharsets.decode(bytes, Parts.typeParameter(part, "charset"));
        return PlainText.clean(HtmlToText.convert(html, options.maxTextChars()));
    }

    private byte[] read(Part part, int limit, int[] path, String what) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(limit);
            if (in.read() >= 0) {
                notes.add("The " + what + " of part " + label(path) + " is larger than " + limit
                        + " bytes; only the first " + limit + " bytes were read.");
            }
            return bytes;
        }
    }

    private void readReturnedHeaders(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] head = in.readNBytes(MAX_HEADER_BLOCK);
            returnedHeaders.add(new InternetHeaders(new ByteArrayInputStream(head)));
        }
    }

    private static int[] append(int[] path, int index) {
        int[] child = Arrays.copyOf(path, path.length + 1);
        child[path.length] = index;
        return child;
    }

    private static String label(int[] path) {
        if (path.length == 0) {
            return "(message body)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i : path) {
            sb.append(sb.length() == 0 ? "" : ".").append(i + 1);
        }
        return sb.toString();
    }
}
