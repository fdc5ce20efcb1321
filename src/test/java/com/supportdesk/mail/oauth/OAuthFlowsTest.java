package com.supportdesk.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.testing.TestAuthorizationServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client flows against a real OAuth 2.0 server on loopback ({@link TestAuthorizationServer}). */
class OAuthFlowsTest {

    TestAuthorizationServer server;
    OAuthFlows flows = new OAuthFlows();
    OAuthClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestAuthorizationServer.start("desk-app", "support@example.com");
        client = OAuthClient.custom("desk-app", null, server.authorizeUrl(), server.tokenUrl(), server.deviceUrl(),
                List.of("imap", "smtp", "offline_access"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void authorizationCodeWithPkceEndToEnd() throws Exception {
        try (CodeFlowSession session = CodeFlowSession.start(flows, client)) {
            URI url = session.authorizationUrl();
            assertThat(url.toString()).startsWith(server.authorizeUrl()).contains("code_challenge_method=S256")
                    .contains("code_challenge=").contains("state=").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
            // the test plays the browser: the sign-in page redirects it to the desk's loopback listener
            assertThat(TestAuthorizationServer.followInBrowser(url)).isEqualTo(200);
            TokenGrant grant = session.await(Duration.ofSeconds(10));
            assertThat(grant.accessToken()).isEqualTo(server.issuedAccessTokens().get(0));
            assertThat(grant.refreshToken()).isEqualTo(server.issuedRefreshTokens().get(0));
            assertThat(grant.account()).isEqualTo("support@example.com");
            assertThat(grant.toString()).doesNotContain(grant.accessToken()).doesNotContain(grant.refreshToken());
        }
        assertThat(server.grantTypes()).containsExactly("authorization_code");
    }

    @Test
    void aPastedAddressFinishesTheSignInAndAForeignOneIsRefused() throws Exception {
        try (CodeFlowSession other = CodeFlowSession.start(flows, client);
             CodeFlowSession session = CodeFlowSession.start(flows, client)) {
            URI foreign = TestAuthorizationServer.redirectTarget(other.authorizationUrl());
            session.offer(foreign);
            assertThatThrownBy(() -> session.await(Duration.ofSeconds(5))).isInstanceOf(OAuthException.class)
                    .hasMessageContaining("another sign-in attempt")
                    .satisfies(e -> assertThat(((OAuthException) e).kind()).isEqualTo(OAuthException.Kind.BAD_RESPONSE));
        }
        try (CodeFlowSession session = CodeFlowSession.start(flows, client)) {
            session.offer(TestAuthorizationServer.redirectTarget(session.authorizationUrl()));
            assertThat(session.await(Duration.ofSeconds(5)).account()).isEqualTo("support@example.com");
        }
    }

    @Test
    void aDeclinedSignInSaysSo() throws Exception {
        server.denyAuthorization(true);
        try (CodeFlowSession session = CodeFlowSession.start(flows, client)) {
            TestAuthorizationServer.followInBrowser(session.authorizationUrl());
            assertThatThrownBy(() -> session.await(Duration.ofSeconds(5))).isInstanceOf(OAuthException.class)
                    .hasMessage("The sign-in was declined (access_denied: The user declined).");
        }
    }

    @Test
    void deviceFlowEndToEnd() throws Exception {
        OAuthFlows.DeviceStart start = flows.startDevice(client);
        assertThat(start.verificationUri().toString()).endsWith("/verify");
        assertThat(start.userCode()).matches("\\d{4}-\\d{4}");
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<TokenGrant> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return flows.awaitDevice(client, start, d -> {
                    polls.incrementAndGet();
                    Thread.sleep(50);
                }, () -> false);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(400); // a few polls answered authorization_pending
        assertThat(waiting).isNotDone();
        // the person opens the verification page with the code on their phone
        assertThat(TestAuthorizationServer.followInBrowser(start.verificationUriComplete())).isEqualTo(200);
        TokenGrant grant = waiting.get(10, TimeUnit.SECONDS);
        assertThat(grant.refreshToken()).isEqualTo(server.issuedRefreshTokens().get(0));
        assertThat(grant.account()).isEqualTo("support@example.com");
        assertThat(polls.get()).isGreaterThan(1);
        assertThat(server.grantTypes()).allMatch(t -> t.equals("urn:ietf:params:oauth:grant-type:device_code"));
    }

    @Test
    void deviceFlowDeclinedOrExpired() throws Exception {
        OAuthFlows.DeviceStart declined = flows.startDevice(client);
        server.decideDevice(declined.userCode(), false);
        assertThatThrownBy(() -> flows.awaitDevice(client, declined, d -> { }, () -> false))
                .isInstanceOf(OAuthException.class)
                .satisfies(e -> assertThat(((OAuthException) e).kind()).isEqualTo(OAuthException.Kind.DENIED));

        server.deviceCodeLifetime(Duration.ofSeconds(1));
        OAuthFlows.DeviceStart expiring = flows.startDevice(client);
        assertThatThrownBy(() -> flows.awaitDevice(client, expiring, d -> Thread.sleep(300), () -> false))
                .isInstanceOf(OAuthException.class)
                .hasMessage("The sign-in code expired before the sign-in was finished; start again.");
    }

    @Test
    void refreshRotatesAndARevokedGrantIsGrantExpired() throws Exception {
        server.rotateRefreshTokens(true);
        TokenGrant first = signIn();
        TokenGrant second = flows.refresh(client, first.refreshToken());
        assertThat(second.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> flows.refresh(client, first.refreshToken())).isInstanceOf(OAuthException.class)
                .satisfies(e -> assertThat(((OAuthException) e).kind()).isEqualTo(OAuthException.Kind.GRANT_EXPIRED));
        server.revokeAll();
        assertThatThrownBy(() -> flows.refresh(client, second.refreshToken())).isInstanceOf(OAuthException.class)
                .hasMessageContaining("the sign-in has expired or was revoked; sign in again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(second.refreshToken()));
    }

    @Test
    void aConfidentialClientSendsItsSecretAndAWrongOneIsAClientProblem() throws Exception {
        try (TestAuthorizationServer google = TestAuthorizationServer.startConfidential("gid", "g-secret", "desk@gmail.example")) {
            OAuthClient right = OAuthClient.of(OAuthProvider.GOOGLE, null, "gid", "g-secret", google.authorizeUrl(),
                    google.tokenUrl(), null, null);
            assertThat(right.scopes()).contains("https://mail.google.com/");
            assertThat(right.extraAuthorizationParameters()).containsEntry("access_type", "offline");
            try (CodeFlowSession session = CodeFlowSession.start(flows, right)) {
                assertThat(session.authorizationUrl().toString()).contains("access_type=offline").contains("prompt=consent");
                TestAuthorizationServer.followInBrowser(session.authorizationUrl());
                assertThat(session.await(Duration.ofSeconds(5)).account()).isEqualTo("desk@gmail.example");
            }
            OAuthClient wrong = OAuthClient.of(OAuthProvider.GOOGLE, null, "gid", "not-it", google.authorizeUrl(),
                    google.tokenUrl(), null, null);
            assertThatThrownBy(() -> flows.refresh(wrong, google.issuedRefreshTokens().get(0)))
                    .isInstanceOf(OAuthException.class)
                    .satisfies(e -> assertThat(((OAuthException) e).kind()).isEqualTo(OAuthException.Kind.CLIENT))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-it"));
        }
    }

    @Test
    void anUnreachableServerIsTransient() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        OAuthClient nowhere = OAuthClient.custom("desk-app", null, "http://127.0.0.1:" + closed + "/a",
                "http://127.0.0.1:" + closed + "/t", null, List.of("imap"));
        assertThatThrownBy(() -> flows.refresh(nowhere, "rt")).isInstanceOf(OAuthException.class)
                .hasMessage("The sign-in server 127.0.0.1:" + closed + " refused the connection.")
                .satisfies(e -> assertThat(((OAuthException) e).isTransient()).isTrue());
    }

    @Test
    void presetsAndTheirChecks() {
        OAuthClient ms = OAuthClient.microsoft("contoso.onmicrosoft.com", "app-id");
        assertThat(ms.authorizationEndpoint()).hasToString(
                "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize");
        assertThat(ms.tokenEndpoint()).hasToString("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assertThat(ms.deviceEndpoint()).hasToString(
                "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/devicecode");
        assertThat(ms.scopes()).contains("https://outlook.office.com/IMAP.AccessAsUser.All",
                "https://outlook.office.com/SMTP.Send", "offline_access");
        assertThat(ms.deviceFlowRefusal()).isEmpty();
        assertThat(ms.loopbackHost()).isEqualTo("localhost");
        assertThat(OAuthClient.microsoft(null, "app-id").tenant()).isEqualTo("organizations");

        OAuthClient google = OAuthClient.google("gid", "secret");
        assertThat(google.deviceFlowRefusal()).contains(OAuthClient.GOOGLE_NO_DEVICE_FLOW);
        assertThat(google.toString()).doesNotContain("secret").contains("****");
        assertThatThrownBy(() -> OAuthClient.google("gid", null)).hasMessageContaining("client secret");
        assertThatThrownBy(() -> OAuthClient.custom("id", null, "http://auth.example/a", "https://auth.example/t", null,
                List.of("x"))).hasMessageContaining("must be an https:// address");
        assertThatThrownBy(() -> OAuthClient.microsoft("bad tenant!", "id")).hasMessageContaining("not a directory id");
        assertThatThrownBy(() -> flows.startDevice(google)).isInstanceOf(OAuthException.class)
                .hasMessage(OAuthClient.GOOGLE_NO_DEVICE_FLOW);
    }

    private TokenGrant signIn() throws Exception {
        try (CodeFlowSession session = CodeFlowSession.start(flows, client)) {
            TestAuthorizationServer.followInBrowser(session.authorizationUrl());
            return session.await(Duration.ofSeconds(10));
        }
    }
}
