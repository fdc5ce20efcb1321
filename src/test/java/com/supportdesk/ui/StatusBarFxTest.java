package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.admin.DeskFixture;
import com.supportdesk.ui.common.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
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

/**
 * The status bar at 1600 px, with a data folder deep in a profile and a message from the board: its own texts ("Live ·
 * checked 11:00:00", the message, the time zone) are shown whole; only the database path gives way, keeping its end.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StatusBarFxTest {

    @TempDir
    static Path shared;

    final DeskFixture f = new DeskFixture();

    @Start
    void start(Stage stage) throws Exception {
        Path deep = Files.createDirectories(shared.resolve("Users").resolve("a.person.with.a.long.name")
                .resolve("AppData").resolve("Local").resolve("Support Desk").resolve("data folders for the whole team")
                .resolve("shared with the mail gateway on this machine"));
        f.start(deep, stage);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void at1600PixelsTheStatusBarShowsItsOwnTextsWhole(FxRobot robot) throws Exception {
        DeskView desk = f.desk(robot, "agent");
        robot.interact(() -> {
            f.stage.setMaximized(false);
            f.stage.setWidth(1600);
            f.stage.setHeight(900);
        });
        desk.feed().pollAndDeliver();
        DeskFixture.waitFor(() -> text(robot, "#feedStatus").startsWith("Live"));
        Ticket placeholder = desk.board().ids().stream().map(desk.board()::ticket).filter(Ticket::redacted).findFirst()
                .orElseThrow();
        robot.interact(() -> desk.board().select(placeholder));
        DeskFixture.waitFor(() -> !text(robot, "#boardMessage").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(f.stage.getScene().getWidth()).isEqualTo(1600);
        for (String id : new String[] {"#feedStatus", "#boardMessage", "#zoneStatus"}) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertThat(shown(l)).as(id).isEqualTo(l.getText());
        }
        Label db = robot.lookup("#databaseStatus").queryAs(Label.class);
        assertThat(db.getText()).contains("shared with the mail gateway on this machine");
        assertThat(shown(db)).as("the path gives way, its end stays").endsWith("supportdesk.mv.db");
        assertThat(db.getTooltip().getText()).isEqualTo(db.getText());
        assertThat(db.getParent().getStyleClass()).contains(Styles.STATUS_BAR);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** What the label draws: its text, or the text cut to fit with an ellipsis. */
    private static String shown(Label l) {
        Node t = l.lookup(".text");
        return t instanceof Text text ? text.getText() : "";
    }
}
