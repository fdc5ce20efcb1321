package com.supportdesk.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TicketRepository;
import com.supportdesk.store.Conversation.InboundThread;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' e-mail replies and the optional automatic acknowledgement (docs/mail.md; what counts as customer
 * contact: docs/response-clock.md).
 *
 * <p>A reply is built by {@link ReplyBuilder} ({@code [SD-n]} in the subject, OFFICIAL-SENSITIVE kept for a
 * sensitive ticket, a Message-ID, In-Reply-To/References from the ticket's newest inbound e-mail, loop-prevention
 * headers), sent over SMTP, and only then recorded in one transaction: the outbound message with its Message-ID
 * (so the customer's answer threads back), history EMAIL_SENT, and the first customer contact if it is the
 * first. If sending fails nothing is recorded and {@link ReplyException} says why in one sentence; the caller
 * keeps the draft. Only an agent who may change the ticket may reply (a sensitive ticket needs clearance).
 *
 * <p>An acknowledgement ({@code Auto-Submitted: auto-replied}) goes out for a new e-mail ticket only when the
 * setting is on, at most once per sender per hour, never to automated senders; it is recorded as
 * {@link MessageKind#ACK} and is never customer contact.
 */
public final class ReplyService {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyService.class);

    /** Sends one finished message, or says in one sentence why it could not. */
    @FunctionalInterface
    public interface Transport {
        void send(MimeMessage message) throws MailSendException;
    }

    /**
     * What the agent wrote.
     *
     * @param to      recipients ({@code a@x, b@y}); blank means the ticket's contact, else the sender of its last e-mail
     * @param subject the subject as the agent left it; blank means the ticket's subject. Reply prefixes and tags are
     *                normalised, the {@code [SD-n]} tag is added and OFFICIAL-SENSITIVE is always kept
     */
    public record ReplyRequest(String to, String subject, String body) {
        public static ReplyRequest body(String body) {
            return new ReplyRequest(null, null, body);
        }
    }

    /** A reply that went out and was recorded. */
    public record SentReply(long ticketId, String ref, String messageId, String subject, List<MailAddress> to,
                            Instant sentAt, boolean firstContact) {
    }

    /** The reply was not sent (or not recorded); the message is one plain sentence for the agent. */
    public static final class ReplyException extends Exception {
        private static final long serialVersionUID = 1L;

        public ReplyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Store store;
    private final Supplier<MailSettings> settings;
    private final Function<SmtpSettings, Transport> transports;
    private final Clock clock;
    private final AckRateLimiter ackLimiter;

    /** Replies over the SMTP server in the current settings (read again for every message). */
    public ReplyService(Store store, Supplier<MailSettings> settings, Clock clock) {
        this(store, settings, smtp -> new SmtpSender(smtp)::send, clock);
    }

    public ReplyService(Store store, Supplier<MailSettings> settings, Function<SmtpSettings, Transport> transports,
                        Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transports = Objects.requireNonNull(transports, "transports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ackLimiter = new AckRateLimiter(clock);
    }

    /** {@link #send(Agent, long, Integer, ReplyRequest)} to the ticket's customer with the ticket's subject. */
    public SentReply send(Agent agent, long ticketId, int ticketVersion, String body) throws ReplyException {
        return send(agent, ticketId, ticketVersion, ReplyRequest.body(body));
    }

    /**
     * Sends the reply and records it. Checked before anything is sent: the agent may change the ticket
     * ({@link StoreException.AccessDenied} otherwise), the ticket is still at {@code ticketVersion} when given
     * ({@link StoreException.ConcurrentChange}: someone else changed or answered it — reload first), there is a
     * recipient and SMTP is set up ({@link ReplyException}).
     *
     * @param ticketVersion the version the agent loaded, or null not to check
     */
    public SentReply send(Agent agent, long ticketId, Integer ticketVersion, ReplyRequest request)
            throws ReplyException {
        if (agent == null || agent == AccessPolicy.NOBODY) {
            throw new StoreException.AccessDenied("Sign in to reply to customers.");
        }
        String body = request.body() == null ? "" : request.body();
        if (body.isBlank()) {
            throw new ReplyException("The reply is empty; write something before sending it.", null);
        }
        TicketRepository tickets = store.tickets();
        Prepared p = store.database().inTx(tx -> {
            Ticket t = tickets.load(tx, ticketId);
            store.changes().requireWrite(tx, agent, t);
            if (ticketVersion != null) {
                store.changes().requireVersion(t, ticketVersion);
            }
            return new Prepared(t, store.conversation().lastInboundEmail(tx, ticketId));
        });
        List<MailAddress> to = recipients(request.to(), p);
        SmtpSettings smtp = smtp("The reply was not sent: e-mail sending is not set up yet (an admin enters the SMTP"
                + " server under Mail settings).");
        String subject = request.subject() == null || request.subject().isBlank() ? p.ticket().subject() : request.subject();
        ReplyDraft draft = new ReplyDraft(p.ticket().ref(), subject, p.ticket().sensitive(), to, List.of(), body,
                p.inReplyTo(), p.references());
        OutboundMail out = build(smtp, draft, false);
        try {
            transports.apply(smtp).send(out.message());
        } catch (MailSendException e) {
            throw new ReplyException("The reply was not sent: " + lowerFirst(e.getMessage()), e);
        }
        Instant sentAt = clock.instant();
        String toText = to.stream().map(MailAddress::toString).collect(Collectors.joining(", "));
        boolean first;
        try {
            first = recordWithRetry(() -> store.database().inTx(tx -> {
                store.conversation().addMessage(tx, ticketId, new Conversation.NewMessage(MessageKind.EMAIL, Direction.OUT,
                        out.messageId(), p.inReplyTo().orElse(null), String.join(" ", ReplyBuilder.references(draft)),
                        smtp.from().toString(), toText, out.subject(), sentAt, body, agent.id()));
                store.history().event(tx, ticketId, agent, EventKind.EMAIL_SENT, "E-mail reply sent by " + agent.displayName());
                boolean firstContact = store.changes().recordContact(tx, agent, ticketId, sentAt, ContactEvent.EMAIL_REPLY);
                if (!firstContact) {
                    store.changes().touch(tx, agent, ticketId);
                }
                return firstContact;
            }));
        } catch (RuntimeException e) {
            LOG.error("Reply on {} was sent but could not be recorded ({})", p.ticket().ref(), MailIntake.plain(e));
            throw new ReplyException("The reply to " + toText + " was sent, but it could not be recorded on "
                    + p.ticket().ref() + " (" + MailIntake.plain(e) + "); do not send it again — add a note that it was"
                    + " sent.", e);
        }
        LOG.info("Reply on {} sent by {} ({}{})", p.ticket().ref(), agent.username(), out.messageId(),
                first ? ", first customer contact" : "");
        return new SentReply(ticketId, p.ticket().ref(), out.messageId(), out.subject(), to, sentAt, first);
    }

    /**
     * Acknowledges a ticket the intake just opened from {@code inbound}, if acknowledgements are on, SMTP is set
     * up, the sender is a person and was not acknowledged in the last hour. Never throws: a failure is logged
     * (refs only) and no acknowledgement is recorded. Not customer contact.
     *
     * @return the acknowledgement sent, if one was
     */
    public Optional<SentReply> acknowledge(long ticketId, ParsedMail inbound) {
        return acknowledge(settings.get(), ticketId, inbound);
    }

    /**
     * {@link #acknowledge} as the intake's new-ticket listener: the tickets of one commit are acknowledged with one
     * reading of the settings (not one database read per new ticket).
     */
    public MailIntake.NewTicketListener acknowledgements() {
        return new MailIntake.NewTicketListener() {
            @Override
            public void opened(long ticketId, ParsedMail mail) {
                acknowledge(ticketId, mail);
            }

            @Override
            public void openedAll(List<MailIntake.NewTicketOpened> opened) {
                MailSettings current = settings.get();
                for (MailIntake.NewTicketOpened o : opened) {
                    acknowledge(current, o.ticketId(), o.mail());
                }
            }
        };
    }

    private Optional<SentReply> acknowledge(MailSettings current, long ticketId, ParsedMail inbound) {
        if (!current.acknowledge() || current.smtp() == null || !ackLimiter.tryAcquire(inbound)) {
            return Optional.empty();
        }
        SmtpSettings smtp = current.smtp();
        String ref = Ticket.ref(ticketId);
        try {
            Ticket t = store.database().inTx(tx -> store.tickets().load(tx, ticketId));
            ReplyDraft draft = ReplyDraft.answering(inbound, t.ref(), t.subject(), t.sensitive(), acknowledgementText(t.ref()));
            OutboundMail out = build(smtp, draft, true);
            transports.apply(smtp).send(out.message());
            Instant sentAt = clock.instant();
            store.database().runInTx(tx -> {
                store.conversation().addMessage(tx, ticketId, new Conversation.NewMessage(MessageKind.ACK, Direction.OUT,
                        out.messageId(), inbound.messageId(), String.join(" ", ReplyBuilder.references(draft)),
                        smtp.from().toString(), draft.to().get(0).toString(), out.subject(), sentAt, draft.body(), null));
                store.history().event(tx, ticketId, null, EventKind.ACK_SENT,
                        "Automatic acknowledgement sent (not customer contact)");
            });
            LOG.info("Acknowledgement for {} sent ({})", ref, out.messageId());
            return Optional.of(new SentReply(ticketId, ref, out.messageId(), out.subject(), draft.to(), sentAt, false));
        } catch (MailSendException e) {
            // a refused recipient's address is not logged: the ticket may be Official Sensitive
            LOG.warn("Acknowledgement for {} not sent: {}", ref, e.problem() == MailProblem.RECIPIENT_REJECTED
                    ? "the mail server refused the recipient" : e.getMessage());
        } catch (ReplyException e) {
            LOG.warn("Acknowledgement for {} not sent: it could not be made", ref);
        } catch (RuntimeException e) {
            LOG.warn("Acknowledgement for {} not sent or not recorded: {}", ref, MailIntake.plain(e));
        }
        return Optional.empty();
    }

    /** The acknowledgement's text: the ref and what to do next, never the customer's words. */
    static String acknowledgementText(String ref) {
        return "Thank you for your message. It has been logged as " + ref + " and a member of the support team will"
                + " reply to you.\n\nPlease keep [" + ref + "] in the subject if you write again about this request."
                + "\n\nThis is an automatic message.";
    }

    private record Prepared(Ticket ticket, Optional<InboundThread> last) {
        Optional<String> inReplyTo() {
            return last.map(InboundThread::messageId).filter(id -> !id.isBlank());
        }

        List<String> references() {
            return last.map(l -> MessageIds.parseList(l.references())).orElse(List.of());
        }
    }

    private List<MailAddress> recipients(String typed, Prepared p) throws ReplyException {
        if (typed != null && !typed.isBlank()) {
            List<MailAddress> parsed = Addresses.parse(typed);
            if (parsed.isEmpty()) {
                throw new ReplyException("The reply was not sent: '" + typed.strip() + "' is not an e-mail address.", null);
            }
            return parsed;
        }
        if (p.ticket().contactEmail() != null && !p.ticket().contactEmail().isBlank()) {
            return List.of(new MailAddress(p.ticket().contactEmail(),
                    p.ticket().contactName() == null || p.ticket().contactName().equals(p.ticket().contactEmail())
                            ? "" : p.ticket().contactName()));
        }
        List<MailAddress> sender = p.last().map(l -> Addresses.parse(l.from())).orElse(List.of());
        if (sender.isEmpty()) {
            throw new ReplyException("The reply was not sent: " + p.ticket().ref() + " has no customer e-mail address;"
                    + " type the address to send it to.", null);
        }
        return List.of(sender.get(0));
    }

    private SmtpSettings smtp(String notSetUp) throws ReplyException {
        SmtpSettings smtp = settings.get().smtp();
        if (smtp == null) {
            throw new ReplyException(notSetUp, null);
        }
        return smtp;
    }

    private OutboundMail build(SmtpSettings smtp, ReplyDraft draft, boolean acknowledgement) throws ReplyException {
        ReplyBuilder builder = new ReplyBuilder(smtp.from(), ParserOptions.defaults().ticketPrefix(), clock);
        try {
            return acknowledgement ? builder.acknowledgement(draft) : builder.reply(draft);
        } catch (MailSendException e) {
            throw new ReplyException("The reply was not sent: " + lowerFirst(e.getMessage()), e);
        }
    }

    private static <T> T recordWithRetry(Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return work.get();
            } catch (StoreException.AccessDenied | StoreException.NotFound e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "the mail server could not be used.";
        }
        return s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
