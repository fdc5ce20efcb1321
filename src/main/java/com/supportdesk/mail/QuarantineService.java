package com.supportdesk.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import com.supportdesk.store.MailboxRepository.StoredMail;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an admin does with the quarantine (unreadable mail) and the automated-mail log: list, retry through the
 * intake's own path, make a ticket anyway, save the raw source, dismiss. Every action needs an admin; the raw
 * source of a message marked OFFICIAL-SENSITIVE goes to cleared admins only. Log lines name entry ids and refs.
 */
public final class QuarantineService {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantineService.class);

    /** Subject of a ticket made from a message whose headers cannot be read. */
    public static final String UNREADABLE_SUBJECT = "(unreadable message)";

    private final Store store;
    private final MailIntake intake;
    private final ParserOptions options = ParserOptions.defaults();

    public QuarantineService(Store store, MailIntake intake) {
        this.store = Objects.requireNonNull(store, "store");
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    /** Entries of one category, newest first (at most {@code MailboxRepository.LIST_LIMIT}). */
    public List<QuarantineEntry> list(Agent admin, QuarantineCategory category, boolean includeResolved) {
        return store.mailbox().quarantine(admin, category, includeResolved);
    }

    /**
     * Reads an unreadable message again through the intake's path (e.g. after an update of the parser). If it can
     * be read now it becomes a ticket (or is threaded, or found to be automated or a duplicate) and the entry is
     * resolved; otherwise it stays in the quarantine.
     */
    public IntakeOutcome retry(Agent admin, long id) throws IOException {
        QuarantineEntry e = openEntry(admin, id, "retry quarantined mail");
        if (e.category() != QuarantineCategory.UNREADABLE) {
            throw new StoreException.Invalid("Only unreadable messages can be retried; use \"make ticket anyway\" for"
                    + " automated mail.");
        }
        Path raw = copyRaw(id);
        try {
            IntakeOutcome outcome = intake.retry(raw, Files.size(raw), e);
            LOG.info("Quarantine entry {} retried by {}: {}", id, admin.username(), outcome.describe());
            return outcome;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /**
     * Opens a ticket from the entry whatever it is, as {@code admin}: from the parsed message when it can be read
     * (an automated message taken for a person's), else with the raw text as the body and the subject from
     * whatever headers can be read, or {@value #UNREADABLE_SUBJECT}. Received is when the message arrived. The
     * ticket inherits the entry's classification: an entry for cleared staff only makes an OFFICIAL-SENSITIVE
     * ticket (redirected to cleared staff by the store).
     *
     * @return the new ticket's id
     */
    public long makeTicket(Agent admin, long id) throws IOException {
        QuarantineEntry e = openEntry(admin, id, "make tickets from quarantined mail");
        Path raw = copyRaw(id);
        try {
            long size = Files.size(raw);
            String sha256 = MailIntake.sha256(raw);
            Optional<ParsedMail> parsed = intake.tryParse(raw);
            String key = e.category() == QuarantineCategory.AUTOMATED && parsed.isPresent()
                    ? parsed.get().messageId() : MessageIds.synthesize(HexFormat.of().parseHex(sha256));
            ParsedMail mail = parsed.orElseGet(() -> fromRawText(raw, key, size));
            MailIntake.Source src = new MailIntake.Source(raw, size, e.received(), e.account(), e.folder(), e.uid(),
                    null, id);
            long ticketId = store.database().inTx(tx -> {
                QuarantineEntry now = store.mailbox().entry(tx, id).orElseThrow();
                if (!now.open()) {
                    throw new StoreException.Invalid("Quarantine entry " + id + " was already dealt with (" + now.resolution() + ").");
                }
                Optional<StoredMail> stored = store.mailbox().stored(tx, key, id);
                String useKey = key;
                if (stored.isPresent() && stored.get().messageRowId() != null) {
                    if (stored.get().sameContent(sha256)) {
                        throw new StoreException.Invalid("This message is already on " + Ticket.ref(stored.get().ticketId()) + ".");
                    }
                    useKey = MessageIds.synthesize(HexFormat.of().parseHex(sha256));
                }
                // the ticket keeps the entry's classification: an entry for cleared staff makes a sensitive ticket
                long tid = intake.openTicket(tx, admin, new MailIntake.Incoming(src, mail, useKey, e.received(), sha256,
                        now.sensitive()));
                store.mailbox().resolve(tx, id, "made ticket " + Ticket.ref(tid) + " by " + admin.username());
                return tid;
            });
            LOG.info("Quarantine entry {}: ticket {} made by {}", id, Ticket.ref(ticketId), admin.username());
            return ticketId;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** Marks the entry dealt with, without a ticket. The raw source stays. */
    public void dismiss(Agent admin, long id) {
        openEntry(admin, id, "dismiss quarantined mail");
        store.database().runInTx(tx -> store.mailbox().resolve(tx, id, "dismissed by " + admin.username()));
        LOG.info("Quarantine entry {} dismissed by {}", id, admin.username());
    }

    /**
     * Writes the raw source to {@code target} (first beside it, then moved into place, so a failure never leaves
     * half a file). Cleared admins only for a message marked OFFICIAL-SENSITIVE.
     *
     * @return the number of bytes written
     */
    public long saveRawSource(Agent admin, long id, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".quarantine-" + id + "-", ".part");
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                n = store.mailbox().rawSource(admin, id, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private QuarantineEntry openEntry(Agent admin, long id, String what) {
        if (admin == null || !admin.admin()) {
            throw new StoreException.AccessDenied("Only an admin may " + what + ".");
        }
        QuarantineEntry e = store.database().inTx(tx -> store.mailbox().entry(tx, id))
                .orElseThrow(() -> new StoreException.NotFound("No quarantined message " + id + "."));
        if (!e.open()) {
            throw new StoreException.Invalid("Quarantine entry " + id + " was already dealt with (" + e.resolution() + ").");
        }
        return e;
    }

    /** The raw source in a temporary file (the system's own read: nothing is shown to the admin). */
    private Path copyRaw(long id) throws IOException {
        Path tmp = Files.createTempFile("quarantine-" + id + "-", ".eml");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.database().inTx(tx -> store.mailbox().rawSource(tx, id, out));
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** A ticket-able message made from raw bytes that are not readable mail. */
    ParsedMail fromRawText(Path raw, String key, long size) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(raw)) {
            bytes = in.readNBytes(options.maxTextBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawHeaders headers = RawHeaders.of(Arrays.copyOf(bytes, Math.min(bytes.length, RawHeaders.HEAD_BYTES)));
        List<String> notes = new ArrayList<>(List.of("Made from the raw source of a message that could not be read."));
        String text = PlainText.cut(PlainText.clean(MailCharsets.decodeUnlabelled(bytes, bytes.length)).strip(),
                options.maxTextChars(), notes);
        String subject = headers.subject() == null ? UNREADABLE_SUBJECT : headers.subject();
        String normalized = new SubjectRules(options.ticketPrefix()).normalize(subject);
        return new ParsedMail(key, true, Optional.empty(), List.of(), Optional.ofNullable(headers.from()), List.of(),
                List.of(), List.of(), subject, normalized.isBlank() ? UNREADABLE_SUBJECT : normalized, null, text, List.of(),
                Optional.empty(), SubjectRules.severity(subject), MarkingScan.marked(subject) || MarkingScan.marked(text),
                TextMarking.UNSURE, AutomatedKind.NONE, Optional.empty(), size, notes);
    }
}
