package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Ticket;
import com.supportdesk.mail.oauth.CodeFlowSession;
import com.supportdesk.mail.oauth.OAuthClient;
import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.mail.oauth.TokenGrant;
import com.supportdesk.testing.TestAuthorizationServer;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IMAP intake and SMTP replies signed in with OAuth 2.0 (SASL XOAUTH2) against GreenMail, with tokens from a real
 * authorization server on loopback. GreenMail checks an XOAUTH2 token as the mailbox's password; the authorization
 * server makes every access token it issues that password, so the mail server takes exactly the latest token issued.
 */
class MailOAuthTest extends IntakeTestBase {

    TestAuthorizationServer server;
    OAuthClient client;
    MailChannel mail;

    @BeforeEach
    void startServer() throws Exception {
        server = TestAuthorizationServer.start("desk-app", "desk@localhost")
                .onAccessToken(token -> GREENMAIL.getUserManager().getUser(GreenMailSupport.LOGIN).setPassword(token));
        client = OAuthClient.custom("desk-app", null, server.authorizeUrl(), server.tokenUrl(), server.deviceUrl(),
                List.of("imap", "smtp", "offline_access"));
        mail = new MailChannel(store, clock);
    }

    @AfterEach
    void stopServer() {
        mail.close();
        server.close();
    }

    /** Signs in as the desktop would (the test plays the browser) and saves IMAP and SMTP with the sign-in. */
    private OAuthAccount signIn() throws Exception {
        TokenGrant grant;
        try (CodeFlowSession session = CodeFlowSession.start(new OAuthFlows(), client)) {
            TestAuthorizationServer.followInBrowser(session.authorizationUrl());
            grant = session.await(Duration.ofSeconds(10));
        }
        return MailSignIn.save(mail.settings(), admin, client, grant, imap(), GreenMailSupport.smtp(GREENMAIL));
    }

    @Test
    void intakeAndRepliesSignInWithXoauth2() throws Exception {
        OAuthAccount account = signIn();
        MailSettings saved = mail.settings().load();
        assertThat(saved.imap().auth()).isEqualTo(MailAuth.OAUTH);
        assertThat(saved.smtp().auth()).isEqualTo(MailAuth.OAUTH);
        assertThat(saved.imap().password()).isEmpty();
        assertThat(saved.oauth().account()).isEqualTo("desk@localhost");
        assertThat(saved.oauth().grantId()).isEqualTo(account.grantId());
        // the stored values are encrypted: the refresh token is nowhere in the table in plain text
        String refresh = server.issuedRefreshTokens().get(0);
        assertThat(store.settings().byPrefix("mail.")).allSatisfy((k, v) -> assertThat(v).doesNotContain(refresh));
        assertThat(store.settings().get("mail.oauth.refreshToken")).hasValueSatisfying(v -> assertThat(v).startsWith("aesgcm1:"));

        deliver(message("ann@acme.example", "Signed in with OAuth", "<o1@acme.example>", "", "hello"));
        try (ImapMailbox mailbox = mail.openMailbox(saved.imap())) {
            assertThat(mailbox.renewBy()).isNotNull();
            assertThat(mail.intake().catchUp(mailbox, true).newTickets()).isEqualTo(1);
        }
        Ticket t = onlyTicket();
        mail.replies().send(admin, t.id(), t.version(), "We are on it.");
        assertThat(GREENMAIL.getReceivedMessagesForDomain("acme.example")).hasSize(1);
        // one refresh served both connections: the token is kept in memory until it is due
        assertThat(server.refreshCount()).isEqualTo(1);

        // GreenMail really checks the token: the old password and a made-up token no longer get in
        assertThatThrownBy(() -> ImapMailbox.open(imap(), GreenMailSupport.FAST, spool))
                .isInstanceOf(MailConnectionException.class).hasMessageContaining("rejected the user name or password");
        assertThatThrownBy(() -> ImapMailbox.open(imap().withAuth(MailAuth.OAUTH), "at-made-up", GreenMailSupport.FAST, spool))
                .isInstanceOf(MailConnectionException.class)
                .hasMessage("The mail server rejected the OAuth access token for desk@127.0.0.1; check that the mailbox"
                        + " allows IMAP/SMTP with OAuth and that the account that signed in may use it.");
    }

    @Test
    void tokensAreRenewedBeforeTheyExpireAndARotatedRefreshTokenIsSavedInPlaceOfTheOldOne() throws Exception {
        server.accessTokenLifetime(Duration.ofSeconds(2)).rotateRefreshTokens(true);
        OAuthAccount account = signIn();
        MailTokens tokens = mail.tokens();
        MailTokens.AccessToken first = tokens.accessToken(false);
        assertThat(tokens.accessToken(false)).as("kept while not due").isSameAs(first);
        // renewed a fifth of the lifetime (here about 0.4 s, at most a minute) before it expires
        assertThat(Duration.between(first.renewAt(), first.expiresAt())).isBetween(Duration.ofMillis(350),
                Duration.ofMillis(450));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), first.renewAt()).toMillis()) + 50);
        MailTokens.AccessToken second = tokens.accessToken(false);
        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(server.refreshCount()).isEqualTo(2);
        List<String> issued = server.issuedRefreshTokens();
        OAuthAccount now = mail.settings().load().oauth();
        assertThat(now.refreshToken()).isEqualTo(issued.get(issued.size() - 1));
        assertThat(now.grantId()).isEqualTo(account.grantId());
        // a rotation is saved only over the token it replaces, and never over a newer sign-in
        assertThat(mail.settings().rotateRefreshToken(account.grantId(), issued.get(0), "rt-stale")).isFalse();
        OAuthAccount again = signIn();
        assertThat(mail.settings().rotateRefreshToken(account.grantId(), now.refreshToken(), "rt-stale")).isFalse();
        assertThat(mail.settings().load().oauth().refreshToken()).isEqualTo(again.refreshToken());
    }

    @Test
    void aMailServerThatRejectsTheTokenIsOnePlainSentenceAfterOneRenewal() throws Exception {
        signIn();
        server.onAccessToken(token -> { }); // from now on the mail server takes none of the tokens
        GREENMAIL.getUserManager().getUser(GreenMailSupport.LOGIN).setPassword("not-a-token-anyone-has");
        mail.tokens().forget();
        assertThatThrownBy(() -> mail.openMailbox(mail.settings().load().imap()))
                .isInstanceOf(MailConnectionException.class)
                .hasMessage("The mail server rejected the OAuth access token for desk@127.0.0.1; check that the mailbox"
                        + " allows IMAP/SMTP with OAuth and that the account that signed in may use it.")
                .satisfies(e -> assertThat(((MailConnectionException) e).problem()).isEqualTo(MailProblem.AUTHENTICATION));
        assertThat(server.refreshCount()).as("renewed once more after the refusal").isEqualTo(2);

        deliver(message("ann@acme.example", "Reply fails", "<o2@acme.example>", "", "hello"));
        GREENMAIL.getUserManager().getUser(GreenMailSupport.LOGIN).setPassword(GreenMailSupport.PASSWORD);
        fetch(); // with the password, to have a ticket
        GREENMAIL.getUserManager().getUser(GreenMailSupport.LOGIN).setPassword("not-a-token-anyone-has");
        Ticket t = onlyTicket();
        assertThatThrownBy(() -> mail.replies().send(admin, t.id(), t.version(), "hello"))
                .isInstanceOf(ReplyService.ReplyException.class)
                .hasMessageContaining("rejected the OAuth access token for desk@127.0.0.1");
        assertThat(server.refreshCount()).as("the kept token, refused, then one renewal").isEqualTo(3);
        assertThat(GREENMAIL.getReceivedMessagesForDomain("acme.example")).isEmpty();
    }

    @Test
    void aRevokedGrantStopsTheIntakeWithOnePlainLineLosesNothingAndASecondSignInResumesIt() throws Exception {
        server.accessTokenLifetime(Duration.ofSeconds(2));
        signIn();
        deliver(message("ann@acme.example", "Before revocation", "<r1@acme.example>", "", "one"));
        List<IntakeService.Status> statuses = new CopyOnWriteArrayList<>();
        List<Duration> retries = new CopyOnWriteArrayList<>();
        IntakeService service = mail.startService(() -> mail.settings().load().imap(), new IntakeService.Listener() {
            @Override
            public void status(IntakeService.Status s) {
                statuses.add(s);
            }

            @Override
            public void retrying(Duration wait) {
                retries.add(wait);
            }
        });
        try {
            waitFor(() -> tickets().size() == 1);
            server.revokeAll(); // the session goes on until its token is due, then the renewal is refused
            waitFor(() -> statuses.stream().anyMatch(s -> s.text().equals(IntakeService.SIGN_IN_EXPIRED)));
            deliver(message("ann@acme.example", "While signed out", "<r2@acme.example>", "", "two"));
            IntakeService.Status expired = statuses.stream().filter(s -> s.text().equals(IntakeService.SIGN_IN_EXPIRED))
                    .findFirst().orElseThrow();
            assertThat(expired.state()).isEqualTo(IntakeService.State.ERROR);
            assertThat(expired.text()).isEqualTo("sign-in expired \u2014 Admin \u2192 Mail settings");
            int before = retries.size();
            waitFor(() -> retries.size() > before + 1);
            assertThat(service.isRunning()).as("keeps retrying").isTrue();
            assertThat(retries.get(retries.size() - 1)).as("backing off").isGreaterThan(retries.get(before));
            assertThat(tickets()).extracting(Ticket::subject).containsExactly("Before revocation");

            signIn(); // an admin signs in again: the next retry uses the new grant
            waitFor(() -> tickets().size() == 2);
        } finally {
            service.stopAndWait(Duration.ofSeconds(10));
        }
        assertThat(tickets()).extracting(Ticket::subject).containsExactly("Before revocation", "While signed out");
        assertThat(store.mailbox().quarantine(admin, true)).isEmpty();
        assertThat(seenOnServer()).isEqualTo(2);
    }

    @Test
    void aSignInSavedWithAnotherComputersKeyIsOnePlainSentence() throws Exception {
        signIn();
        MailSettingsService elsewhere = new MailSettingsService(store.settings(), new SecretBox(data.resolve("other.key")));
        MailSettings there = elsewhere.load();
        assertThat(there.warning()).contains("cannot be used on this computer").contains(SecretBox.KEY_FILE);
        assertThat(there.oauth().refreshToken()).isNull();
        MailTokens tokens = new MailTokens(elsewhere, new OAuthFlows(), Clock.systemUTC());
        assertThatThrownBy(() -> tokens.accessToken(false)).isInstanceOf(MailSignInException.class)
                .hasMessage(there.warning());
    }

    /** How many messages in INBOX are \Seen, looked at over IMAP with the latest token. */
    private int seenOnServer() throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.auth.mechanisms", "XOAUTH2");
        List<String> tokens = server.issuedAccessTokens();
        try (Store s = Session.getInstance(p).getStore("imap")) {
            s.connect("127.0.0.1", GREENMAIL.getImap().getPort(), GreenMailSupport.LOGIN, tokens.get(tokens.size() - 1));
            Folder f = s.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            int seen = 0;
            for (Message m : f.getMessages()) {
                seen += m.isSet(Flags.Flag.SEEN) ? 1 : 0;
            }
            f.close(false);
            return seen;
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
    }
}
