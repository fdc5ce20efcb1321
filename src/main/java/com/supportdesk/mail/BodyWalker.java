package com.supportdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks the MIME tree of one message: picks the body text (text/plain preferred over text/html in
 * multipart/alternative), lists every other leaf as an attachment with a streamable handle, and
 * collects what bounce detection needs. A part that cannot be read is skipped with a note.
 * One walker per message: it collects as it goes.
 *
 * <p>What one message can cost is bounded: at most {@link ParserOptions#maxParts()} parts are ever made (a
 * multipart is cut before Jakarta Mail reads more), at most {@link ParserOptions#maxTextChars()} characters of
 * body text are kept in all and at most {@link ParserOptions#maxHtmlChars()} of HTML converted in all (the rest
 * stays in the raw source), and the {@link ParseBudget} is checked at every part and every read.
 *
 * <p>Every text the message holds is searched for the OFFICIAL-SENSITIVE marking as it streams past — also text
 * beyond the caps, alternatives not shown, text attachments and attached messages — for
 * {@link Result#marking()}: a part that could not be read, or parts left out, make it {@link TextMarking#UNSURE}.
 */
final class BodyWalker {

    private static final int MAX_HEADER_BLOCK = 256 * 1024;
    private static final int BUFFER = 64 * 1024;
    /**
     * Decoded attachment bytes of one message kept from this reading (they are decoded anyway to measure them), so
     * storing them does not read the message's MIME structure a second time; attachments beyond this are re-read from
     * the raw source when stored. Never more than the message's raw size, which the intake's grouping bounds.
     */
    static final int KEEP_DECODED = 256 * 1024;

    /** What the walk found. {@code returnedHeaders} are header blocks of attached / quoted messages. */
    record Result(String text, List<MailAttachment> attachments, List<String> notes, boolean deliveryStatusPart,
                  List<InternetHeaders> returnedHeaders, String firstCharset, TextMarking marking) {
    }

    private enum Mode { BODY, ATTACHMENTS_ONLY }

    private final ParserOptions options;
    private final RawSource source;
    private final long offset;
    private final Session session;
    private final ParseBudget budget;

    private final List<String> segments = new ArrayList<>();
    private final List<MailAttachment> attachments = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<InternetHeaders> returnedHeaders = new ArrayList<>();
    private final MarkingScan scan = new MarkingScan();
    private TextMarking attached = TextMarking.UNMARKED;
    private boolean deliveryStatusPart;
    private String firstCharset;
    private long capLeft;
    private long keepLeft = KEEP_DECODED;
    private int partCount;
    /** Parts made (by Jakarta Mail) but not walked yet: they count against the part limit already. */
    private int reserved;
    /** The part limit of each multipart on the way to the part being walked, by depth. */
    private int[] limits = new int[0];
    private long textLeft;
    private long htmlLeft;
    private boolean textCapNoted;
    private boolean partsCutNoted;

    BodyWalker(ParserOptions options, RawSource source, long offset, Session session, ParseBudget budget) {
        this.options = options;
        this.source = source;
        this.offset = offset;
        this.session = session;
        this.budget = budget;
        this.capLeft = options.attachmentCapBytes();
        this.textLeft = options.maxTextChars();
        this.htmlLeft = options.maxHtmlChars();
    }

    Result walk(Part message) {
        walk(message, new int[0], 0, Mode.BODY, "text/plain");
        String text = PlainText.cut(String.join("\n\n", segments), options.maxTextChars(), notes);
        return new Result(text, attachments, notes, deliveryStatusPart, returnedHeaders, firstCharset,
                scan.verdict().and(attached));
    }

    private void walk(Part part, int[] path, int depth, Mode mode, String defaultType) {
        budget.check();
        if (++partCount > options.maxParts()) {
            noteTooManyParts();
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
            if (e instanceof ParseBudget.Exceeded exceeded) {
                throw exceeded;
            }
            budget.check(); // a library may have wrapped the budget's exception
            notes.add("Part " + label(path) + " (" + type + ") could not be read and was skipped: " + e.getMessage());
            scan.unsure();
        }
    }

    private void walkMultipart(Part part, String type, int[] path, int depth, Mode mode)
            throws MessagingException, IOException {
        if (depth >= options.maxDepth()) {
            notes.add("Parts nested deeper than " + options.maxDepth() + " levels were ignored.");
            scan.unsure();
            return;
        }
        Multipart multipart;
        int count;
        try {
            int limit = Math.max(1, options.maxParts() - partCount - reserved);
            Parts.Limited limited = Parts.limitedMultipart(part, limit);
            limits = Arrays.copyOf(limits, Math.max(limits.length, path.length + 1));
            limits[path.length] = limit; // an attachment below is read again with the same cut, so it is the same part
            multipart = limited.multipart();
            count = multipart.getCount();
            if (limited.cut()) {
                noteTooManyParts();
            }
        } catch (MessagingException e) {
            notes.add("The " + type + " structure of part " + label(path) + " is broken (" + e.getMessage()
                    + "); its content was read as text.");
            leaf(part, "text/plain", path, mode);
            return;
        }
        int chosen = type.equals("multipart/alternative") && mode == Mode.BODY ? chooseAlternative(multipart) : -1;
        String childDefault = type.equals("multipart/digest") ? "message/rfc822" : "text/plain";
        reserved += count;
        for (int i = 0; i < count; i++) {
            reserved--;
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
            } else {
                try (InputStream in = budget.stream(part.getInputStream())) {
                    searchRest(in, Parts.typeParameter(part, "charset"), null, 0); // an alternative not shown
                }
            }
            return;
        }
        addAttachment(part, type, fileName, path);
    }

    private void addAttachment(Part part, String type, String fileName, int[] path) throws MessagingException {
        long size;
        Keep keep = new Keep();
        try {
            size = measure(part, type, keep);
        } catch (IOException e) {
            keep.drop();
            notes.add("Attachment " + label(path) + " is damaged (" + e.getMessage() + ").");
            if (isText(type)) {
                scan.unsure();
            }
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
        byte[] kept = tooLarge ? null : keep.bytes();
        MailContent content = kept != null ? () -> new ByteArrayInputStream(kept)
                : new PartContent(source, offset, session, path, Arrays.copyOf(limits, path.length));
        attachments.add(new MailAttachment(name, type, size, tooLarge, inline, contentId, content));
    }

    /** A copy of the decoded bytes read through it, while the message's {@link #KEEP_DECODED} allows. */
    private final class Keep extends OutputStream {
        private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        /** {@code in}, copying what is read from it into this. */
        InputStream tee(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        write(b, off, n);
                    }
                    return n;
                }
            };
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (bytes == null) {
                return;
            }
            if (bytes.size() + (long) len > keepLeft) {
                drop();
                return;
            }
            bytes.write(b, off, len);
        }

        void drop() {
            bytes = null;
        }

        /** The whole content, or null when it did not fit (it is then read again from the raw source). */
        byte[] bytes() {
            if (bytes == null) {
                return null;
            }
            keepLeft -= bytes.size();
            return bytes.toByteArray();
        }
    }

    /** Text, messages and headers are the attachments that can carry the marking in words. */
    private static boolean isText(String type) {
        return type.startsWith("text/") || type.startsWith("message/");
    }

    /**
     * The decoded size, counted by streaming the content (a copy goes to {@code keep}); a text or message attachment is searched
     * for the marking on the way, as raw mail (so an attached message's encoded parts are decoded too).
     */
    private long measure(Part part, String type, Keep keep) throws IOException, MessagingException {
        try (InputStream decoded = budget.stream(part.getInputStream()); InputStream in = keep.tee(decoded)) {
            if (!isText(type)) {
                return in.transferTo(OutputStream.nullOutputStream());
            }
            long[] count = {0};
            InputStream counting = new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    count[0] += Math.max(0, n);
                    return n;
                }

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count[0] += b >= 0 ? 1 : 0;
                    return b;
                }
            };
            attached = attached.and(RawScan.of(counting, false));
            counting.transferTo(OutputStream.nullOutputStream()); // the scan stops early once it found the marking
            return count[0];
        }
    }

    private String readPlain(Part part, int[] path) throws MessagingException, IOException {
        String charset = Parts.typeParameter(part, "charset");
        try (InputStream in = budget.stream(part.getInputStream())) {
            if (textLeft <= 0) {
                noteTextCap();
                searchRest(in, charset, null, 0);
                return "";
            }
            int limit = (int) Math.min(options.maxTextBytes(), textLeft * 4);
            byte[] bytes = in.readNBytes(limit);
            if (searchRest(in, charset, bytes, bytes.length)) {
                notes.add("The text of part " + label(path) + " is larger than " + limit + " bytes; only the first "
                        + limit + " bytes were read.");
            }
            String text = PlainText.clean(MailCharsets.decode(bytes, charset));
            textLeft -= text.length();
            return text;
        }
    }

    private String readHtml(Part part, int[] path) throws MessagingException, IOException {
        String charset = Parts.typeParameter(part, "charset");
        try (InputStream in = budget.stream(part.getInputStream())) {
            if (textLeft <= 0 || htmlLeft <= 0) {
                noteTextCap();
                searchRest(in, charset, null, 0);
                return "";
            }
            int limit = (int) Math.min(options.maxHtmlChars(), htmlLeft);
            byte[] bytes = in.readNBytes(limit);
            if (searchRest(in, charset, bytes, bytes.length)) {
                notes.add("The HTML of part " + label(path) + " is larger than " + limit + " bytes; only the first "
                        + limit + " bytes were read.");
            }
            htmlLeft -= bytes.length;
            String html = MailCharsets.decode(bytes, charset);
            String text = PlainText.clean(HtmlToText.convert(html, (int) Math.min(options.maxTextChars(), textLeft), budget));
            scan.all(text); // as shown: entities decoded, tags gone
            textLeft -= text.length();
            return text;
        }
    }

    /**
     * Searches a part's text for the marking: {@code head} (the bytes already read), then the rest of the stream,
     * decoded in the part's charset. Returns whether the stream had more than the head.
     */
    private boolean searchRest(InputStream in, String charset, byte[] head, int headLength) throws IOException {
        MarkingScan.Decoding decoding = new MarkingScan.Decoding(scan, MailCharsets.resolve(charset).orElse(null));
        if (head != null) {
            decoding.bytes(head, 0, headLength);
        }
        boolean more = false;
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) > 0; ) {
            more = true;
            if (!scan.found()) {
                decoding.bytes(buf, 0, n);
            }
        }
        decoding.end();
        return more;
    }

    private void noteTooManyParts() {
        if (!partsCutNoted) {
            partsCutNoted = true;
            notes.add("The message has more than " + options.maxParts() + " MIME parts; the rest were ignored.");
        }
        scan.unsure();
    }

    private void noteTextCap() {
        if (!textCapNoted) {
            textCapNoted = true;
            notes.add("The message holds more text than the desk keeps (" + options.maxTextChars() + " characters, "
                    + options.maxHtmlChars() + " of HTML); the rest is only in the raw source.");
        }
    }

    private void readReturnedHeaders(Part part) throws MessagingException, IOException {
        try (InputStream in = budget.stream(part.getInputStream())) {
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
