package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.supportdesk.domain.Clearance;
import com.supportdesk.mail.IntakeCounts;
import com.supportdesk.mail.IntakeService;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.Theme;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
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

/** The main window's entry points: admins get the screens, others a plain refusal; the status bar model. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MailScreensFxTest {

    @TempDir
    Path dir;
    MailUiFixture f;
    MailChannel mail;

    @Start
    void start(Stage stage) {
        f = new MailUiFixture(dir);
        mail = new MailChannel(f.store, f.clock);
        f.ingest(MailUiFixture.UNREADABLE);
    }

    @AfterEach
    void close() {
        mail.close();
        f.close();
    }

    @Test
    void adminsOpenBothScreensOthersAreRefused(FxRobot robot) {
        AtomicReference<Stage> quarantine = new AtomicReference<>();
        AtomicReference<Stage> settings = new AtomicReference<>();
        robot.interact(() -> {
            quarantine.set(MailScreens.openQuarantine(null, mail, f.admin, ZoneOffset.UTC, TaskExecutor.direct()));
            settings.set(MailScreens.openSettings(null, mail, f.admin, TaskExecutor.direct(), () -> { }));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quarantine.get().getTitle()).isEqualTo(QuarantineView.TITLE);
        assertThat(settings.get().getTitle()).isEqualTo(MailSettingsView.TITLE);
        assertThat(robot.lookup("#quarantineTable").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(quarantine.get().getScene().getStylesheets()).as("one theme for every window").isEqualTo(Theme.stylesheets());
        assertThat(settings.get().getScene().getStylesheets()).isEqualTo(Theme.stylesheets());
        robot.interact(() -> {
            quarantine.get().close();
            settings.get().close();
        });

        var una = TestStores.agent(f.store, f.admin, "una", Clearance.NONE);
        robot.interact(() -> {
            assertThat(catchThrowableOfType(StoreException.AccessDenied.class,
                    () -> MailScreens.openQuarantine(null, mail, una, ZoneOffset.UTC, TaskExecutor.direct())))
                    .hasMessage("Only an admin may see quarantined mail.");
            assertThat(catchThrowableOfType(StoreException.AccessDenied.class,
                    () -> MailScreens.openSettings(null, mail, una, TaskExecutor.direct(), null)))
                    .hasMessage("Only an admin may change the mail settings.");
        });
    }

    @Test
    void theStatusBarModelShowsTheLastReport() {
        IntakeStatusModel model = new IntakeStatusModel(Runnable::run);
        assertThat(model.textProperty().get()).isEqualTo("Mail: not started");
        model.status(new IntakeService.Status(IntakeService.State.ERROR, "error: The mail server x refused the connection.",
                Instant.now(), IntakeCounts.NONE, IntakeCounts.NONE));
        assertThat(model.textProperty().get()).isEqualTo("Mail: error: The mail server x refused the connection.");
        assertThat(model.problemProperty().get()).isTrue();
        model.status(new IntakeService.Status(IntakeService.State.CONNECTED, "connected to a@b, folder INBOX",
                Instant.now(), IntakeCounts.NONE, IntakeCounts.NONE));
        assertThat(model.problemProperty().get()).isFalse();
        // without an IMAP account the desktop does not start fetching
        assertThat(mail.startIntake(model)).isEmpty();
    }
}
