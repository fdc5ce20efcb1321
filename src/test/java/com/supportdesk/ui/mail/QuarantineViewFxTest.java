package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

/** The quarantine screen under headless Monocle: list, retry, make ticket anyway, automated log, save raw source. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class QuarantineViewFxTest {

    @TempDir
    Path dir;
    MailUiFixture f;
    QuarantineViewModel vm;
    Path savedTo;
    long unreadable;

    @Start
    void start(Stage stage) {
        f = new MailUiFixture(dir);
        unreadable = f.ingest(MailUiFixture.UNREADABLE).quarantineId();
        f.ingest(MailUiFixture.AUTO_REPLY);
        savedTo = dir.resolve("raw-out.eml");
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.file = savedTo;
        vm = new QuarantineViewModel(f.quarantine, f.admin, ZoneOffset.UTC, TaskExecutor.direct(), dialogs);
        QuarantineView view = new QuarantineView(vm);
        stage.setTitle(QuarantineView.TITLE);
        stage.setScene(view.scene());
        stage.show();
        stage.requestFocus();
        vm.refresh();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private TableView<?> table(FxRobot robot) {
        return robot.lookup("#quarantineTable").queryAs(TableView.class);
    }

    private String status(FxRobot robot) {
        return robot.lookup("#quarantineStatus").queryAs(Label.class).getText();
    }

    @Test
    void retryThenMakeTicketAnywayFromTheTable(FxRobot robot) {
        assertThat(table(robot).getItems()).hasSize(1);
        assertThat(robot.lookup("#retry").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("broken upload");
        assertThat(robot.lookup("#retry").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#retry");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status(robot)).isEqualTo("Message " + unreadable + " still cannot be read; it stays here.");

        robot.clickOn("#makeTicket");
        WaitForAsyncUtils.waitForFxEvents();
        Ticket t = f.store.tickets().board(f.admin, Instant.EPOCH).get(0);
        assertThat(t.subject()).isEqualTo("broken upload");
        assertThat(status(robot)).isEqualTo("Ticket " + t.ref() + " made from message " + unreadable + ".");
        assertThat(table(robot).getItems()).isEmpty();
    }

    @Test
    void automatedLogAndSaveRawSourceWithTheKeyboard(FxRobot robot) throws Exception {
        robot.clickOn("#showAutomated");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).hasSize(1);
        robot.clickOn("Out of office");
        assertThat(robot.lookup("#retry").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#makeTicket").queryAs(Button.class).isDisabled()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readAllBytes(savedTo)).isEqualTo(MailUiFixture.AUTO_REPLY);
        assertThat(status(robot)).startsWith("Saved " + MailUiFixture.AUTO_REPLY.length + " B to ");

        robot.clickOn("#dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).isEmpty();
        robot.clickOn("#showResolved");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).hasSize(1);
        assertThat(robot.lookup("dismissed by admin").tryQuery()).isPresent();
    }
}
