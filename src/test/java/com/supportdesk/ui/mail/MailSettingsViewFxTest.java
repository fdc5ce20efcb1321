package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.SmtpSettings;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** The mail settings dialog under headless Monocle: fill in, test the connection, save. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MailSettingsViewFxTest {

    @TempDir
    Path dir;
    MailUiFixture f;
    MailSettingsService service;

    @Start
    void start(Stage stage) {
        f = new MailUiFixture(dir);
        service = MailSettingsService.of(f.store);
        MailSettingsViewModel vm = new MailSettingsViewModel(service, f.admin, new MailSettingsViewModel.Tester() {
            @Override
            public String imap(ImapSettings s) {
                return "Connected to " + s.account() + ": the folder " + s.folder() + " can be read.";
            }

            @Override
            public String smtp(SmtpSettings s) {
                return "Connected to " + s.account() + ".";
            }
        }, TaskExecutor.direct());
        vm.load();
        MailSettingsView view = new MailSettingsView(vm);
        stage.setScene(new Scene(view.root(), 640, 640));
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void fillInTestAndSave(FxRobot robot) {
        assertThat(robot.lookup("#imapHost").queryAs(TextField.class).isDisabled()).as("off until ticked").isTrue();
        robot.clickOn("#imapEnabled");
        robot.clickOn("#imapHost").write("imap.example.com");
        robot.clickOn("#imapUser").write("support@example.com");
        robot.clickOn("#imapPassword").write("s3cret");
        robot.clickOn("#testImap");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .isEqualTo("Connected to support@example.com@imap.example.com: the folder INBOX can be read.");

        robot.clickOn("#save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Saved.");
        MailSettings saved = service.load();
        assertThat(saved.imap()).isEqualTo(new ImapSettings("imap.example.com", 993, TlsMode.SSL, "support@example.com",
                "s3cret", "INBOX", AfterImport.MARK_SEEN, null));
        assertThat(saved.smtp()).isNull();
        assertThat(saved.acknowledge()).isFalse();
        assertThat(robot.lookup("#testSmtp").queryAs(Button.class).isDisabled()).isTrue();
    }
}
