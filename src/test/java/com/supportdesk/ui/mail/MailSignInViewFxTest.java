package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.mail.MailAuth;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.mail.oauth.OAuthProvider;
import com.supportdesk.testing.TestAuthorizationServer;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in part of the mail settings dialog under headless Monocle, against the loopback authorization server. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MailSignInViewFxTest {

    @TempDir
    Path dir;
    MailUiFixture f;
    MailSettingsService service;
    TestAuthorizationServer server;

    @Start
    void start(Stage stage) throws Exception {
        f = new MailUiFixture(dir);
        service = MailSettingsService.of(f.store);
        server = TestAuthorizationServer.start("desk-app", "support@example.com");
        // the system browser: follows the sign-in page back to the desk's loopback listener
        MailSignInViewModel signIn = new MailSignInViewModel(service, f.admin, new OAuthFlows(),
                TestAuthorizationServer::followInBrowser, null, TaskExecutor.direct());
        MailSettingsViewModel vm = new MailSettingsViewModel(service, f.admin, MailSettingsViewModel.Tester.real(),
                signIn, TaskExecutor.direct());
        vm.load();
        stage.setScene(new Scene(new MailSettingsView(vm).root(), 640, 640));
        stage.show();
    }

    @AfterEach
    void close() {
        server.close();
        f.close();
    }

    private boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.isVisible() && n.isManaged();
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachProviderAsksForItsOwnFieldsAndTheBrowserSignsIn(FxRobot robot) {
        ComboBox<OAuthProvider> provider = robot.lookup("#oauthProvider").queryAs(ComboBox.class);
        assertThat(provider.getValue()).isEqualTo(OAuthProvider.MICROSOFT);
        assertThat(shown(robot, "#oauthTenant")).isTrue();
        assertThat(shown(robot, "#oauthClientSecret")).isFalse();
        assertThat(shown(robot, "#oauthTokenUrl")).isFalse();

        robot.interact(() -> provider.setValue(OAuthProvider.GOOGLE));
        assertThat(shown(robot, "#oauthTenant")).isFalse();
        assertThat(shown(robot, "#oauthClientSecret")).isTrue();
        assertThat(shown(robot, "#oauthTokenUrl")).isFalse();

        robot.interact(() -> provider.setValue(OAuthProvider.CUSTOM));
        assertThat(shown(robot, "#oauthTokenUrl")).isTrue();
        assertThat(shown(robot, "#oauthScopes")).isTrue();

        robot.clickOn("#imapEnabled");
        robot.clickOn("#imapHost").write("imap.example.com");
        // the sign-in section is further down the scrolling form: fill it in directly
        robot.interact(() -> {
            robot.lookup("#oauthClientId").queryAs(TextField.class).setText("desk-app");
            robot.lookup("#oauthAuthorizeUrl").queryAs(TextField.class).setText(server.authorizeUrl());
            robot.lookup("#oauthTokenUrl").queryAs(TextField.class).setText(server.tokenUrl());
            robot.lookup("#oauthScopes").queryAs(TextField.class).setText("imap smtp offline_access");
            robot.lookup("#oauthSignIn").queryAs(Button.class).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#oauthSignedIn").queryAs(Label.class).getText())
                .startsWith("Signed in as support@example.com (Other OAuth 2.0 server) on ");
        assertThat(robot.lookup("#imapOAuth").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#imapPassword").queryAs(PasswordField.class).isDisabled()).as("no password needed").isTrue();
        robot.clickOn("#save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Saved.");
        assertThat(service.load().imap().auth()).isEqualTo(MailAuth.OAUTH);
        assertThat(service.load().imap().user()).isEqualTo("support@example.com");
    }
}
