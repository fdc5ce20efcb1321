package com.supportdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Parses raw RFC 5322 / MIME messages into {@link ParsedMail}, as leniently as possible.
 *
 * <ul>
 *   <li>Large parts are not copied into the heap: a file is read through {@code SharedFileInputStream}
 *       and attachments are streamed from the source on demand ({@link MailAttachment#open()}).</li>
 *   <li>A message without a header section (its first line is not a header field) is still ticket-able:
 *       the whole source becomes the body, the subject is {@code (no subject)}, the sender is unknown and
 *       the Message-ID is synthesized from a SHA-256 of the raw bytes.</li>
 *   <li>An mbox {@code From } line in front of the headers is skipped.</li>
 *   <li>Only input that is not mail at all fails, with a plain-language {@link MailParseException}: an
 *       empty or blank source, binary data (NUL bytes) in the header section, or headers that Jakarta Mail
 *       cannot read. A damaged part never fails the message: it is skipped and named in
 *       {@link ParsedMail#notes()}.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MailParser {

    static {
        MailSystemProperties.install();
    }

    private static final int HEAD_BYTES = 16 * 1024;
    /** Files up to this size are parsed from memory (at most {@link BodyWalker#KEEP_DECODED}: see {@link #parse(Path)}). */
    static final int IN_MEMORY_BYTES = 64 * 1024;
    private static final int SENSITIVE_BODY_LINES = 5;
    private static final String UTF8_BOM = "\u00EF\u00BB\u00BF"; // the BOM's bytes, one char per byte

    private final ParserOptions options;
    private final SubjectRules subjects;
    private final Session session;

    public MailParser() {
        this(ParserOptions.defaults());
    }

    public MailParser(ParserOptions options) {
        this.options = options;
        this.subjects = new SubjectRules(options.ticketPrefix());
        this.session = Session.getInstance(new Properties());
    }

    /**
     * Parses the raw message in a file. The file must stay unchanged while attachment handles are used. A small file
     * (up to {@link #IN_MEMORY_BYTES}) is read into memory first and parsed from there: Jakarta Mail reads a file
     * through small buffers of its own, a seek and a read for each, for every part it looks at, which costs more than
     * the parse itself for typical mail. Its attachments keep their decoded bytes (see {@link BodyWalker#KEEP_DECODED}),
     * so nothing holds on to the array after this returns.
     */
    public ParsedMail parse(Path rawMessage) throws MailParseException, IOException {
        if (Files.size(rawMessage) <= IN_MEMORY_BYTES) {
            return parse(new RawSource.BytesSource(Files.readAllBytes(rawMessage)));
        }
        return parse(new RawSource.FileSource(rawMessage));
    }

    /** Parses a raw message held in memory. The array is not copied: do not change it afterwards. */
    public ParsedMail parse(byte[] rawMessage) throws MailParseException {
        try {
            return parse(new RawSource.BytesSource(rawMessage));
        } catch (IOException e) {
            throw new MailParseException("The message could not be read: " + e.getMessage(), e);
        }
    }

    private ParsedMail parse(RawSource source) throws MailParseException, IOException {
        ParseBudget budget = ParseBudget.of(options.timeBudget());
        long size = source.size();
        Preflight preflight = Preflight.inspect(source.head(HEAD_BYTES), size);
        try {
            if (preflight.headerless()) {
                return headerless(source, size);
            }
            try (RawSource.Opened opened = source.openMessage(session, preflight.offset())) {
                budget.check();
                return build(source, preflight.offset(), opened.message(), size, budget);
            } catch (MessagingException e) {
                budget.check();
                throw new MailParseException("The message headers could not be read (" + e.getMessage() + ").", e);
            }
        } catch (ParseBudget.Exceeded e) {
            throw new MailParseException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MailParseException("The message could not be read as e-mail (" + e + ").", e);
        }
    }

    private ParsedMail build(RawSource source, long offset, MimeMessage message, long size, ParseBudget budget)
            throws IOException, MessagingException {
        BodyWalker.Result body = new BodyWalker(options, source, offset, session, budget).walk(message);
        List<String> notes = new ArrayList<>(body.notes());
        TextMarking marking = body.marking().and(headerMarking(message, notes));
        budget.check();

        UnaryOperator<String> header = name -> Parts.firstHeader(message, name);
        String charsetHint = body.firstCharset();
        String subject = orNoSubject(HeaderText.decode(header.apply("Subject"), charsetHint));
        String normalized = orNoSubject(subjects.normalize(subject));

        Optional<String> messageId = MessageIds.normalize(header.apply("Message-ID"));
        String rawFrom = allValues(message, "From");
        String reportType = Parts.baseType(message).equals("multipart/report")
                ? lower(Parts.typeParameter(message, "report-type")) : null;
        AutomatedKind automated = AutomationRules.classify(header, new AutomationRules.Signals(
                subject, normalized, rawFrom, reportType, body.deliveryStatusPart()));

        return new ParsedMail(
                messageId.isPresent() ? messageId.get() : synthesizedId(source),
                messageId.isEmpty(),
                MessageIds.normalize(header.apply("In-Reply-To")),
                MessageIds.parseList(allValues(message, "References")),
                Addresses.parse(rawFrom, charsetHint).stream().findFirst(),
                Addresses.parse(allValues(message, "Reply-To"), charsetHint),
                Addresses.parse(allValues(message, "To"), charsetHint),
                Addresses.parse(allValues(message, "Cc"), charsetHint),
                subject,
                normalized,
                date(header.apply("Date"), notes),
                body.text(),
                body.attachments(),
                subjects.ticketRef(subject),
                SubjectRules.severity(subject),
                isSensitive(subject, body.text()),
                marking,
                automated,
                automated == AutomatedKind.BOUNCE ? BounceIds.find(body.returnedHeaders(), body.text()) : Optional.empty(),
                size,
                notes);
    }

    /** Every header field's value, decoded, searched for the marking; UNSURE when fields were read past. */
    private static TextMarking headerMarking(MimeMessage message, List<String> notes) throws MessagingException {
        MarkingScan scan = new MarkingScan();
        for (var e = message.getAllHeaders(); e.hasMoreElements(); ) {
            scan.all(HeaderText.decode(e.nextElement().getValue()));
        }
        if (message instanceof LenientMimeMessage lenient && lenient.headersCut()) {
            notes.add("The header section is very large; only the first " + HeaderReader.MAX_SAME_NAME
                    + " fields of each name (and at most " + HeaderReader.MAX_FIELDS + " others) were read.");
            scan.unsure();
        }
        return scan.verdict();
    }

    private ParsedMail headerless(RawSource source, long size) throws IOException {
        byte[] bytes;
        try (InputStream in = source.openRaw()) {
            bytes = in.readNBytes(options.maxTextBytes());
        }
        TextMarking marking;
        try (InputStream in = source.openRaw()) {
            marking = RawScan.of(in, true);
        }
        List<String> notes = new ArrayList<>(List.of(
                "The message has no header section; the whole source was taken as the message text."));
        String text = PlainText.cut(PlainText.clean(MailCharsets.decodeUnlabelled(bytes, bytes.length)).strip(),
                options.maxTextChars(), notes);
        return new ParsedMail(synthesizedId(source), true, Optional.empty(), List.of(), Optional.empty(), List.of(),
                List.of(), List.of(), ParsedMail.NO_SUBJECT, ParsedMail.NO_SUBJECT, null, text, List.of(),
                Optional.empty(), Optional.empty(), isSensitive("", text), marking, AutomatedKind.NONE,
                Optional.empty(), size, notes);
    }

    private static boolean isSensitive(String subject, String text) {
        return SubjectRules.hasSensitiveMarking(subject)
                || PlainText.firstLines(text, SENSITIVE_BODY_LINES).stream().anyMatch(SubjectRules::hasSensitiveMarking);
    }

    private static Instant date(String raw, List<String> notes) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Date date = new MailDateFormat().parse(HeaderText.unfold(raw).trim());
            return date == null ? null : date.toInstant();
        } catch (ParseException | RuntimeException e) {
            notes.add("The Date header could not be read: " + HeaderText.decode(raw));
            return null;
        }
    }

    private static String allValues(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String orNoSubject(String subject) {
        return subject == null || subject.isBlank() ? ParsedMail.NO_SUBJECT : subject;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String synthesizedId(RawSource source) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(source.openRaw(), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return MessageIds.synthesize(sha256.digest());
    }

    /** Where the headers start and whether there are any. */
    private record Preflight(long offset, boolean headerless) {

        static Preflight inspect(byte[] head, long size) throws MailParseException {
            if (size == 0) {
                throw new MailParseException("The message is empty (0 bytes).");
            }
            if (size <= head.length && new String(head, MailCharsets.WINDOWS_1252).isBlank()) {
                throw new MailParseException("The message contains only blank lines.");
            }
            int offset = startsWith(head, 0, UTF8_BOM) ? UTF8_BOM.length() : 0;
            if (startsWith(head, offset, "From ")) { // mbox separator line
                offset = lineEnd(head, offset);
            }
            int firstText = offset;
            while (firstText < head.length && (head[firstText] == '\r' || head[firstText] == '\n')) {
                firstText++;
            }
            if (firstText > offset && HeaderReader.HEADER_FIELD.matcher(line(head, firstText)).matches()) {
                offset = firstText; // blank lines in front of the headers
            }
            int headerEnd = headerSectionEnd(head, offset);
            for (int i = offset; i < headerEnd; i++) {
                if (head[i] == 0) {
                    throw new MailParseException(
                            "The message contains binary data (NUL bytes) where its headers should be; it is not e-mail.");
                }
            }
            String firstLine = line(head, offset);
            boolean headerless = !firstLine.isEmpty() && !HeaderReader.HEADER_FIELD.matcher(firstLine).matches();
            return new Preflight(offset, headerless);
        }

        /** The line starting at {@code from}, without its line break, one char per byte. */
        private static String line(byte[] bytes, int from) {
            int end = lineEnd(bytes, from);
            while (end > from && (bytes[end - 1] == '\r' || bytes[end - 1] == '\n')) {
                end--;
            }
            return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
        }

        private static boolean startsWith(byte[] bytes, int from, String prefix) {
            return bytes.length - from >= prefix.length()
                    && new String(bytes, from, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
        }

        /** Index just after the line break that ends the line starting at {@code from}. */
        private static int lineEnd(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    return i + 1;
                }
            }
            return bytes.length;
        }

        /** Index of the first empty line (end of the header section) within the bytes read. */
        private static int headerSectionEnd(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i = lineEnd(bytes, i)) {
                if (bytes[i] == '\n' || (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
                    return i;
                }
            }
            return bytes.length;
        }
    }
}
