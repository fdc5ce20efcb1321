package com.supportdesk.cli;

import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ImapMailbox;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.IntakeCounts;
import com.supportdesk.mail.IntakeService;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.mail.MailConnectionException;
import com.supportdesk.mail.MailIntake;
import com.supportdesk.mail.MailParser;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ingest --once | --watch}: fetches mail into tickets. {@code --once} does one round and prints the summary
 * line; {@code --watch} is the headless mail gateway a team runs beside its shared database, until Ctrl+C.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Fetch e-mail over IMAP into tickets: one round (--once) or as a gateway until stopped (--watch)."
                + " The account comes from the saved mail settings or --imap-url; the password from"
                + " SUPPORTDESK_IMAP_PASSWORD (or the saved settings, or a prompt).")
public final class IngestCommand implements Callable<Integer> {

    static final String PASSWORD_ENV = "SUPPORTDESK_IMAP_PASSWORD";

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--once", required = true, description = "Fetch what is waiting, print a summary line and exit.")
        boolean once;
        @Option(names = "--watch", required = true,
                description = "Keep fetching (IMAP IDLE or polling, reconnecting after failures) until interrupted.")
        boolean watch;
    }

    @Option(names = "--imap-url", paramLabel = "imap://USER@HOST:PORT/FOLDER",
            description = "The account to read instead of the saved one (user may be URL-encoded: support%%40example.com).")
    String imapUrl;

    @Option(names = "--tls", paramLabel = "none|starttls|ssl",
            description = "With --imap-url: how the connection is secured (default: starttls for imap://, ssl for imaps://).")
    String tls;

    @Option(names = "--after-import", paramLabel = "seen|move:FOLDER",
            description = "What happens to a message on the server once stored: mark it seen, or move it to FOLDER.")
    String afterImport;

    @Option(names = "--user", paramLabel = "LOGIN",
            description = "On a team database: the mail gateway's login (password in SUPPORTDESK_PASSWORD).")
    String user;

    @Option(names = {"--group", "--batch"}, paramLabel = "N", defaultValue = "200",
            description = "Messages stored together in one transaction (and fetched per IMAP round trip): 1 to 1000;"
                    + " default ${DEFAULT-VALUE}.")
    int group;

    @Option(names = "--group-memory", paramLabel = "MB", defaultValue = "16",
            description = "Most raw mail one group holds while it is read and stored, in MB (bounds the memory the"
                    + " intake uses, whatever the mailbox holds): 1 to 512; default ${DEFAULT-VALUE}.")
    int groupMemory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tls != null && imapUrl == null) {
            throw new ParameterException(spec.commandLine(), "--tls goes with --imap-url (the saved account has its own setting)");
        }
        MailIntake.Grouping grouping;
        try {
            grouping = new MailIntake.Grouping(group, (long) groupMemory << 20);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " (--group, --group-memory)");
        }
        AfterImportChoice after = afterImport == null ? null : AfterImportChoice.parse(spec, afterImport);
        TlsMode tlsMode = parseTls();
        Store store = CliSupport.signIn(spec, user).store();
        try {
            MailChannel mail = new MailChannel(store, store.database().clock());
            ImapSettings account = account(mail.settings().load(), tlsMode);
            if (after != null) {
                account = account.withAfterImport(after.kind(), after.folder());
            }
            MailIntake intake = grouping.equals(mail.intake().grouping()) ? mail.intake()
                    : new MailIntake(store, MailIntake.Parser.of(new com.supportdesk.mail.MailParser()), store.database().clock(), grouping);
            if (intake != mail.intake()) {
                intake.onNewTicket(mail.replies().acknowledgements());
            }
            return mode.once ? once(mail, intake, account, out, err) : watch(mail, intake, account, out, store);
        } finally {
            store.close();
        }
    }

    private int once(MailChannel mail, MailIntake intake, ImapSettings account, PrintWriter out, PrintWriter err)
            throws IOException {
        ProgressLine progress = ProgressLine.of(ProgressLine.inTerminal(), err, System::nanoTime);
        try (ImapMailbox mailbox = mail.openMailbox(account)) {
            IntakeCounts counts;
            try {
                counts = intake.catchUp(mailbox, true, () -> false, progress);
            } finally {
                progress.finish();
            }
            out.println(counts.summary());
            return 0;
        } catch (MailConnectionException e) {
            err.println(e.getMessage());
            return 1;
        } catch (MailIntake.IntakeException e) {
            out.println(e.partial().summary());
            err.println(e.getMessage());
            return 1;
        }
    }

    private int watch(MailChannel mail, MailIntake intake, ImapSettings account, PrintWriter out, Store store)
            throws InterruptedException {
        DateTimeFormatter time = DateTimeFormatter.ISO_INSTANT;
        IntakeService service = mail.intakeService(intake, () -> account, new IntakeService.Listener() {
            @Override
            public void status(IntakeService.Status status) {
                String text = IntakeService.SIGN_IN_EXPIRED.equals(status.text())
                        ? "sign-in expired: sign in again (Admin \u2192 Mail settings, or 'support-desk mail sign-in')"
                        : status.text();
                line(status.at(), text);
            }

            @Override
            public void retrying(Duration wait) {
                line(Instant.now(), "trying again in " + spoken(wait));
            }

            private void line(Instant at, String text) {
                synchronized (out) {
                    out.println(time.format(at.truncatedTo(ChronoUnit.SECONDS)) + " " + text);
                    out.flush();
                }
            }
        });
        // Ctrl+C: stop fetching (the message being stored finishes its transaction), then close the database
        Thread hook = new Thread(() -> {
            try {
                service.stopAndWait(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.close();
        }, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        AutoCloseable holder = CliSupport.root(spec).storeOpener().holdEmbedded(CliSupport.root(spec).global(), store);
        service.start();
        try {
            while (service.isRunning()) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            service.stopAndWait(Duration.ofSeconds(20));
        } finally {
            closeQuietly(holder);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it closes the store
            }
        }
        return 0;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // stopping: nothing more to do
        }
    }

    /** {@code 2 s}, {@code 5 min}, {@code 1 min 30 s}. */
    static String spoken(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }

    private TlsMode parseTls() {
        if (tls == null) {
            return null;
        }
        try {
            return TlsMode.parse(tls);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** From --imap-url (password from the environment or a prompt), else the saved settings. */
    private ImapSettings account(MailSettings saved, TlsMode tlsMode) {
        String fromEnv = CliSupport.env(spec).get(PASSWORD_ENV);
        if (imapUrl != null) {
            TlsMode mode = tlsMode != null ? tlsMode
                    : imapUrl.strip().toLowerCase(Locale.ROOT).startsWith("imaps:") ? TlsMode.SSL : TlsMode.STARTTLS;
            ImapSettings probe;
            try {
                probe = ImapSettings.fromUrl(imapUrl, mode, "");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            String password = fromEnv != null ? fromEnv
                    : new String(CliSupport.secret(spec, PASSWORD_ENV, "IMAP password for " + probe.account() + ": "));
            return ImapSettings.fromUrl(imapUrl, mode, password);
        }
        ImapSettings s = saved.imap();
        if (s == null) {
            throw new StoreException("No IMAP account is set up: give --imap-url"
                    + " imap://USER@HOST:PORT/FOLDER, or an admin saves one under Mail settings.");
        }
        if (s.oauth()) {
            return s; // the saved OAuth sign-in: access tokens come from its refresh token
        }
        if (fromEnv != null) {
            return s.withPassword(fromEnv);
        }
        if (s.password().isEmpty() && saved.warning() != null) {
            throw new StoreException(saved.warning() + " Or set " + PASSWORD_ENV + ".");
        }
        return s;
    }

    /** {@code seen} or {@code move:FOLDER}. */
    record AfterImportChoice(AfterImport kind, String folder) {
        static AfterImportChoice parse(CommandSpec spec, String text) {
            String t = text.strip();
            if (t.equalsIgnoreCase("seen")) {
                return new AfterImportChoice(AfterImport.MARK_SEEN, null);
            }
            if (t.regionMatches(true, 0, "move:", 0, 5) && !t.substring(5).isBlank()) {
                return new AfterImportChoice(AfterImport.MOVE, t.substring(5).strip());
            }
            throw new ParameterException(spec.commandLine(), "--after-import must be 'seen' or 'move:FOLDER', not '"
                    + text + "'");
        }
    }
}
