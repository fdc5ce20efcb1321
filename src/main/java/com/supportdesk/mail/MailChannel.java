package com.supportdesk.mail;

import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail channel wired to one store: the one object the application builds (in its wiring class) to get
 * replies, settings, the quarantine and the background intake. Settings are read from the store each time they
 * are needed, so what an admin saves applies to the next reply and the next reconnect.
 *
 * <pre>{@code
 * MailChannel mail = new MailChannel(store, clock);
 * mail.startIntake(status -> Platform.runLater(() -> statusBar.setText(status.text())));   // desktop
 * mail.replies().send(agent, ticket.id(), ticket.version(), new ReplyRequest(to, subject, body));
 * mail.close();                                                                          // on exit
 * }</pre>
 */
public final class MailChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    private final Store store;
    private final Clock clock;
    private final MailSettingsService settings;
    private final MailIntake intake;
    private final ReplyService replies;
    private final QuarantineService quarantine;
    private final MailTokens tokens;
    private IntakeService running;

    /** The store this channel reads and writes. */
    public Store store() {
        return store;
    }

    public MailChannel(Store store, Clock clock) {
        this(store, clock, MailSettingsService.of(store));
    }

    public MailChannel(Store store, Clock clock, MailSettingsService settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.intake = new MailIntake(store);
        this.tokens = new MailTokens(settings, new OAuthFlows(), Clock.systemUTC());
        this.replies = new ReplyService(store, settings::load,
                smtp -> new SmtpSender(smtp, MailTimeouts.defaults(), tokens)::send, clock);
        this.quarantine = new QuarantineService(store, intake);
        intake.onNewTicket(replies.acknowledgements());
    }

    public MailSettingsService settings() {
        return settings;
    }

    public ReplyService replies() {
        return replies;
    }

    public QuarantineService quarantine() {
        return quarantine;
    }

    public MailIntake intake() {
        return intake;
    }

    /** Access tokens for the saved OAuth sign-in (shared by intake and replies). */
    public MailTokens tokens() {
        return tokens;
    }

    /** Opens the account (with its password, or an access token of the saved sign-in) with default timeouts. */
    public ImapMailbox openMailbox(ImapSettings account) throws MailConnectionException {
        return tokens.openImap(account, MailTimeouts.defaults(), spoolDir());
    }

    /**
     * Starts fetching mail in the background when an IMAP account is set up and "fetch mail in the desktop app"
     * is on (otherwise a gateway does it); returns the running service, or empty when it was not started.
     * Calling it again restarts the service (e.g. after the settings were saved).
     */
    public synchronized Optional<IntakeService> startIntake(IntakeService.Listener listener) {
        stopIntake();
        MailSettings s = settings.load();
        if (s.imap() == null || !s.fetchInDesktop()) {
            LOG.info("Mail intake not started in this app: {}", s.imap() == null ? "no IMAP account is set up"
                    : "a gateway fetches the mail");
            return Optional.empty();
        }
        running = startService(() -> settings.load().imap(), listener);
        return Optional.of(running);
    }

    /** An intake service for the given account (the CLI's {@code ingest --watch}), started. */
    public IntakeService startService(Supplier<ImapSettings> account, IntakeService.Listener listener) {
        IntakeService service = intakeService(intake, account, listener);
        service.start();
        return service;
    }

    /**
     * An intake service (not started) over {@code intake} for the given account, which signs in with the password or
     * the saved OAuth sign-in.
     */
    public IntakeService intakeService(MailIntake intake, Supplier<ImapSettings> account,
                                       IntakeService.Listener listener) {
        return new IntakeService(intake, account, this::openMailbox, IntakeService.Options.defaults(), null,
                Clock.systemUTC(), listener);
    }

    /** Stops the background intake (waiting up to 10 s for the message being stored). */
    public synchronized void stopIntake() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /**
     * Where downloaded messages wait while they are stored: the system's temporary folder (files are created
     * readable by their owner only and deleted once stored).
     */
    public Path spoolDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        stopIntake();
    }
}
