package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.ImapMailbox;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.MailAuth;
import com.supportdesk.mail.MailConnectionException;
import com.supportdesk.mail.MailSendException;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.MailSignIn;
import com.supportdesk.mail.MailTimeouts;
import com.supportdesk.mail.SmtpSettings;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.mail.oauth.CodeFlowSession;
import com.supportdesk.mail.oauth.OAuthClient;
import com.supportdesk.mail.oauth.OAuthException;
import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.mail.oauth.OAuthProvider;
import com.supportdesk.mail.oauth.TokenGrant;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mail sign-in}: the headless OAuth 2.0 sign-in for a mail gateway on a server. */
@Command(name = "mail", description = "Mail account set-up for a gateway without a desktop.", mixinStandardHelpOptions = true,
        subcommands = MailCommand.SignIn.class)
public final class MailCommand {

    /**
     * Signs the mailbox in with OAuth 2.0 (Microsoft 365, Google or another server) and saves it, so that
     * {@code ingest} and the replies use it. With {@code --device} (RFC 8628) it prints a code to enter on any device;
     * without it, an address to open in any browser, and reads back the address the browser ends on (on this
     * computer the browser comes back by itself). The refresh token is saved encrypted and never printed; the client
     * secret comes from the environment, never from the command line.
     */
    @Command(name = "sign-in", mixinStandardHelpOptions = true,
            description = "Sign the mailbox in with OAuth 2.0 and save it (an admin signs in with --user; password in"
                    + " SUPPORTDESK_PASSWORD). --device prints a code to enter at the provider's page; without it, an"
                    + " address to open in any browser, then paste back the address the browser ends on.")
    static final class SignIn implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--imap-url", required = true, paramLabel = "imap://USER@HOST:PORT/FOLDER",
                description = "The mailbox (user may be URL-encoded: support%%40example.com).")
        String imapUrl;

        @Option(names = "--tls", paramLabel = "none|starttls|ssl",
                description = "IMAP connection security (default: starttls for imap://, ssl for imaps://).")
        String tls;

        @Option(names = "--smtp-url", paramLabel = "smtp://USER@HOST:PORT",
                description = "Also send replies through this SMTP server with the same sign-in.")
        String smtpUrl;

        @Option(names = "--smtp-tls", paramLabel = "none|starttls|ssl",
                description = "SMTP connection security (default: starttls for smtp://, ssl for smtps://).")
        String smtpTls;

        @Option(names = "--from", paramLabel = "ADDRESS", description = "From address of replies (default: the SMTP user).")
        String from;

        @Option(names = "--from-name", paramLabel = "NAME", description = "Display name of replies.")
        String fromName;

        @Option(names = "--after-import", paramLabel = "seen|move:FOLDER",
                description = "What happens to a message on the server once stored (default: as saved, else seen).")
        String afterImport;

        @Option(names = "--provider", required = true, paramLabel = "microsoft|google|custom",
                description = "Who issues the tokens.")
        String provider;

        @Option(names = "--tenant", paramLabel = "T",
                description = "Microsoft: directory (tenant) id or domain (default: organizations).")
        String tenant;

        @Option(names = "--client-id", required = true, paramLabel = "ID", description = "Client id of the app registration.")
        String clientId;

        @Option(names = "--client-secret-env", paramLabel = "VAR",
                description = "Name of the environment variable holding the client secret (Google: required).")
        String clientSecretEnv;

        @Option(names = "--authorize-url", paramLabel = "U", description = "Authorization endpoint (custom; overrides a preset).")
        String authorizeUrl;

        @Option(names = "--token-url", paramLabel = "U", description = "Token endpoint (custom; overrides a preset).")
        String tokenUrl;

        @Option(names = "--device-url", paramLabel = "U", description = "Device authorization endpoint (custom).")
        String deviceUrl;

        @Option(names = "--scope", paramLabel = "S", description = "A scope to ask for (repeat; replaces the preset's).")
        List<String> scopes = new ArrayList<>();

        @Option(names = "--device", description = "Device flow (RFC 8628): print a code to enter at the provider's page.")
        boolean device;

        @Option(names = "--user", paramLabel = "ADMIN", description = "Sign in as this admin (password in SUPPORTDESK_PASSWORD).")
        String user;

        @Option(names = "--wait-minutes", defaultValue = "10", hidden = true,
                description = "How long to wait for the browser (the device flow waits as long as its code is valid).")
        int waitMinutes;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImapSettings imap = imap();
            SmtpSettings smtp = smtp();
            OAuthClient client = client();
            if (device && client.deviceFlowRefusal().isPresent()) {
                throw new ParameterException(spec.commandLine(), client.deviceFlowRefusal().get());
            }
            if (waitMinutes < 1) {
                throw new ParameterException(spec.commandLine(), "--wait-minutes must be at least 1");
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signInAdmin(spec, user)) {
                Store store = signedIn.store();
                Agent admin = signedIn.agent();
                if (admin == null) {
                    throw new StoreException.AccessDenied("This database has no agents yet: add the first admin with"
                            + " 'support-desk agent add --admin' first.");
                }
                MailSettingsService settings = MailSettingsService.of(store);
                MailSettings saved = settings.load();
                imap = keepAfterImport(imap, saved.imap());
                OAuthFlows flows = new OAuthFlows();
                TokenGrant grant;
                try {
                    grant = device ? deviceFlow(flows, client, out) : codeFlow(flows, client, out);
                } catch (OAuthException e) {
                    err.println(e.getMessage());
                    return 1;
                }
                String who = grant.account() == null ? "an account the server did not name" : grant.account();
                out.println("Signed in as " + who + " (" + client.provider().label() + ").");
                out.flush();
                try {
                    check(imap, smtp, grant);
                } catch (MailConnectionException | MailSendException e) {
                    err.println(e.getMessage() + " Nothing was saved.");
                    return 1;
                }
                MailSignIn.save(settings, admin, client, grant, imap, smtp);
                out.println("Saved: " + imap.account() + " (folder " + imap.folder() + ")"
                        + (smtp == null ? "" : " and replies through " + smtp.account()) + " sign in with it;"
                        + " 'support-desk ingest --once' or '--watch' uses it.");
                return 0;
            }
        }

        private TokenGrant deviceFlow(OAuthFlows flows, OAuthClient client, PrintWriter out)
                throws OAuthException, InterruptedException {
            OAuthFlows.DeviceStart start = flows.startDevice(client);
            String until = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault())
                    .format(start.expiresAt());
            out.println("To sign in, open " + start.verificationUri() + " and enter the code " + start.userCode()
                    + " (valid until " + until + ").");
            if (start.verificationUriComplete() != null) {
                out.println("Or open " + start.verificationUriComplete() + " (the code is filled in).");
            }
            out.println("Waiting for the sign-in\u2026");
            out.flush();
            return flows.awaitDevice(client, start, d -> Thread.sleep(d.toMillis()), () -> false);
        }

        private TokenGrant codeFlow(OAuthFlows flows, OAuthClient client, PrintWriter out)
                throws OAuthException, InterruptedException {
            try (CodeFlowSession session = CodeFlowSession.start(flows, client)) {
                out.println("Open this address in a browser and sign in:");
                out.println();
                out.println("  " + session.authorizationUrl());
                out.println();
                out.println("The browser then goes to " + session.redirectUri() + "/?code=\u2026 . On this computer the"
                        + " sign-in continues by itself; on another computer that page does not load: copy the whole"
                        + " address from the browser's address bar, paste it here and press Enter.");
                out.flush();
                readPastedAddresses(session);
                return session.await(Duration.ofMinutes(waitMinutes));
            }
        }

        /** Each non-empty line on standard input is offered as the address the browser ended on. */
        private static void readPastedAddresses(CodeFlowSession session) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (!line.isBlank()) {
                            try {
                                session.offer(URI.create(line.strip()));
                                return;
                            } catch (IllegalArgumentException notAnAddress) {
                                System.err.println("That is not a web address; paste the whole address from the"
                                        + " browser's address bar.");
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // standard input closed: the loopback redirect may still come
                }
            }, "sign-in-paste");
            reader.setDaemon(true);
            reader.start();
        }

        /** Logs in to IMAP (and SMTP) with the new access token before anything is saved. */
        private static void check(ImapSettings imap, SmtpSettings smtp, TokenGrant grant)
                throws MailConnectionException, MailSendException {
            try (ImapMailbox ignored = ImapMailbox.open(imap, grant.accessToken(), MailTimeouts.defaults(),
                    Path.of(System.getProperty("java.io.tmpdir")))) {
                // the folder opened
            }
            if (smtp != null) {
                MailSignIn.checkSmtp(smtp, grant.accessToken());
            }
        }

        private ImapSettings imap() {
            try {
                return ImapSettings.fromUrl(imapUrl, tlsMode(tls, imapUrl, "imaps:", TlsMode.STARTTLS), "")
                        .withAuth(MailAuth.OAUTH);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private SmtpSettings smtp() {
            if (smtpUrl == null) {
                if (smtpTls != null || from != null || fromName != null) {
                    throw new ParameterException(spec.commandLine(), "--smtp-tls, --from and --from-name go with --smtp-url");
                }
                return null;
            }
            try {
                return SmtpSettings.fromUrl(smtpUrl, tlsMode(smtpTls, smtpUrl, "smtps:", TlsMode.STARTTLS), "", from,
                        fromName).withAuth(MailAuth.OAUTH);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage()
                        + (from == null ? " (give --from ADDRESS when the SMTP user is not an e-mail address)" : ""));
            }
        }

        private TlsMode tlsMode(String text, String url, String sslScheme, TlsMode otherwise) {
            if (text != null) {
                try {
                    return TlsMode.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            }
            return url.strip().toLowerCase(Locale.ROOT).startsWith(sslScheme) ? TlsMode.SSL : otherwise;
        }

        private OAuthClient client() {
            try {
                OAuthProvider p = OAuthProvider.parse(provider);
                if (p != OAuthProvider.MICROSOFT && tenant != null) {
                    throw new IllegalArgumentException("--tenant is for --provider microsoft");
                }
                return OAuthClient.of(p, tenant, clientId, clientSecret(), authorizeUrl, tokenUrl, deviceUrl, scopes);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private String clientSecret() {
            if (clientSecretEnv == null) {
                return null;
            }
            String value = CliSupport.env(spec).get(clientSecretEnv);
            if (value == null || value.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "The environment variable " + clientSecretEnv
                        + " named by --client-secret-env is not set.");
            }
            return value;
        }

        private ImapSettings keepAfterImport(ImapSettings imap, ImapSettings saved) {
            if (afterImport != null) {
                IngestCommand.AfterImportChoice c = IngestCommand.AfterImportChoice.parse(spec, afterImport);
                return imap.withAfterImport(c.kind(), c.folder());
            }
            if (saved != null && saved.account().equals(imap.account()) && saved.folder().equals(imap.folder())) {
                return imap.withAfterImport(saved.afterImport(), saved.moveToFolder());
            }
            return imap;
        }
    }
}
