package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.mail.IntakeCounts;
import com.supportdesk.mail.IntakeService;
import com.supportdesk.mail.MailAuth;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.mail.oauth.OAuthProvider;
import com.supportdesk.testing.TestAuthorizationServer;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.ThreadTaskExecutor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Sign in with the provider" without the toolkit, against the loopback authorization server. */
class MailSignInViewModelTest {

    @TempDir
    Path dir;
    MailUiFixture f;
    MailSettingsService service;
    TestAuthorizationServer server;
    ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() throws Exception {
        f = new MailUiFixture(dir);
        service = MailSettingsService.of(f.store);
        server = TestAuthorizationServer.start("desk-app", "support@example.com");
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
        server.close();
        f.close();
    }

    private MailSignInViewModel signIn(MailSignInViewModel.Browser browser, TaskExecutor work) {
        MailSignInViewModel vm = new MailSignInViewModel(service, f.admin, new OAuthFlows(), browser, null, work);
        vm.providerProperty().set(OAuthProvider.CUSTOM);
        vm.clientIdProperty().set("desk-app");
        vm.authorizeUrlProperty().set(server.authorizeUrl());
        vm.tokenUrlProperty().set(server.tokenUrl());
        vm.scopesProperty().set("imap smtp offline_access");
        return vm;
    }

    @Test
    void theBrowserSignsInAndTheSettingsSwitchToTheSignIn() {
        // the system browser: follows the sign-in page, which redirects it to the desk's loopback listener
        MailSignInViewModel signIn = signIn(TestAuthorizationServer::followInBrowser, TaskExecutor.direct());
        MailSettingsViewModel settings = new MailSettingsViewModel(service, f.admin, MailSettingsViewModel.Tester.real(),
                signIn, TaskExecutor.direct());
        settings.load();
        assertThat(signIn.signedInProperty().get()).isEqualTo("Not signed in.");
        settings.imapEnabledProperty().set(true);
        settings.imapHostProperty().set("outlook.office365.com");
        settings.smtpEnabledProperty().set(true);
        settings.smtpHostProperty().set("smtp.office365.com");

        signIn.signIn();

        assertThat(signIn.status()).isEqualTo("Signed in as support@example.com (Other OAuth 2.0 server). Incoming and"
                + " outgoing mail are set to use it: Save to apply.");
        assertThat(signIn.signedInProperty().get()).startsWith("Signed in as support@example.com (Other OAuth 2.0 server) on ");
        assertThat(service.load().oauth().refreshToken()).isEqualTo(server.issuedRefreshTokens().get(0));
        assertThat(settings.imapOAuthProperty().get()).isTrue();
        assertThat(settings.smtpOAuthProperty().get()).isTrue();
        assertThat(settings.imapUserProperty().get()).isEqualTo("support@example.com");
        assertThat(settings.fromAddressProperty().get()).isEqualTo("support@example.com");

        assertThat(settings.save()).as(settings.status()).isTrue();
        MailSettings saved = service.load();
        assertThat(saved.imap().auth()).isEqualTo(MailAuth.OAUTH);
        assertThat(saved.smtp().auth()).isEqualTo(MailAuth.OAUTH);
        assertThat(saved.smtp().user()).isEqualTo("support@example.com");

        // the dialog opened again shows the sign-in
        MailSignInViewModel again = new MailSignInViewModel(service, f.admin, new OAuthFlows(), u -> { }, null,
                TaskExecutor.direct());
        new MailSettingsViewModel(service, f.admin, MailSettingsViewModel.Tester.real(), again, TaskExecutor.direct())
                .load();
        assertThat(again.providerProperty().get()).isEqualTo(OAuthProvider.CUSTOM);
        assertThat(again.tokenUrlProperty().get()).isEqualTo(server.tokenUrl());
        assertThat(again.signedInProperty().get()).startsWith("Signed in as support@example.com");
    }

    @Test
    void withoutABrowserTheAddressIsShownToOpenByHand() throws Exception {
        MailSignInViewModel vm = signIn(u -> {
            throw new IOException("no system browser");
        }, new ThreadTaskExecutor(background));
        vm.signIn();
        for (int i = 0; i < 200 && vm.waitingAddressProperty().get().isEmpty(); i++) {
            Thread.sleep(25);
        }
        assertThat(vm.status()).startsWith("No browser could be opened here: open the address below");
        assertThat(vm.busyProperty().get()).isTrue();
        TestAuthorizationServer.followInBrowser(URI.create(vm.waitingAddressProperty().get()));
        for (int i = 0; i < 200 && vm.busyProperty().get(); i++) {
            Thread.sleep(25);
        }
        assertThat(vm.status()).startsWith("Signed in as support@example.com");
        assertThat(vm.waitingAddressProperty().get()).isEmpty();
    }

    @Test
    void cancellingTheWaitSaysSoAndSavesNothing() throws Exception {
        MailSignInViewModel vm = signIn(u -> { }, new ThreadTaskExecutor(background));
        vm.signIn();
        for (int i = 0; i < 200 && vm.waitingAddressProperty().get().isEmpty(); i++) {
            Thread.sleep(25);
        }
        vm.cancel();
        for (int i = 0; i < 200 && vm.busyProperty().get(); i++) {
            Thread.sleep(25);
        }
        assertThat(vm.status()).isEqualTo("The sign-in was cancelled.");
        assertThat(service.load().oauth()).isNull();
    }

    @Test
    void problemsAreOneSentence() {
        MailSignInViewModel vm = signIn(TestAuthorizationServer::followInBrowser, TaskExecutor.direct());
        vm.clientIdProperty().set(" ");
        vm.signIn();
        assertThat(vm.status()).isEqualTo("The client id of the app registration is missing.");

        vm.clientIdProperty().set("desk-app");
        vm.providerProperty().set(OAuthProvider.GOOGLE);
        vm.signIn();
        assertThat(vm.status()).isEqualTo("Google needs the client secret of the desktop OAuth client as well as its id.");

        server.denyAuthorization(true);
        vm.providerProperty().set(OAuthProvider.CUSTOM);
        vm.signIn();
        assertThat(vm.status()).isEqualTo("The sign-in was declined (access_denied: The user declined).");

        MailSettingsViewModel settings = new MailSettingsViewModel(service, f.admin, MailSettingsViewModel.Tester.real(),
                vm, TaskExecutor.direct());
        settings.imapEnabledProperty().set(true);
        settings.imapHostProperty().set("imap.example.com");
        settings.imapUserProperty().set("support@example.com");
        settings.imapOAuthProperty().set(true);
        assertThat(settings.save()).isFalse();
        assertThat(settings.status()).isEqualTo("Sign in with the provider first (under Sign-in), or use passwords.");
    }

    @Test
    void theStatusBarSaysWhenTheSignInExpired() {
        IntakeStatusModel model = new IntakeStatusModel(Runnable::run);
        model.status(new IntakeService.Status(IntakeService.State.ERROR, IntakeService.SIGN_IN_EXPIRED, Instant.now(),
                IntakeCounts.NONE, IntakeCounts.NONE));
        assertThat(model.textProperty().get()).isEqualTo("Mail: sign-in expired \u2014 Admin \u2192 Mail settings");
        assertThat(model.problemProperty().get()).isTrue();
    }
}
