package com.supportdesk.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Placeholder;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.common.UiTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
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

/** The composer in a real window, by keyboard only: ::word and Ctrl+I, insertion at the cursor, the signature. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReplyComposerFxTest {

    @TempDir
    static Path shared;

    ReplyFixture f;
    UiTaskExecutor executor = new UiTaskExecutor("test-composer");
    ReplyComposerDialog dialog;
    Stage main;
    AtomicInteger sentCallbacks = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        main = stage;
        f = new ReplyFixture(Files.createTempDirectory(shared, "desk"));
        dialog = new ReplyComposerDialog(f.sender, f::replies, f.clock, ZoneOffset.UTC, executor);
        stage.setScene(new Scene(new StackPane(new Label("Main")), 300, 200));
        stage.setTitle("Main");
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        f.close();
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<Stage> composer(FxRobot robot, String ref) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && ("Reply on " + ref).equals(s.getTitle())
                && s.isShowing()).map(Stage.class::cast).findFirst();
    }

    private void open(FxRobot robot, Ticket t) throws Exception {
        robot.interact(() -> dialog.compose(main, f.lead, t, sentCallbacks::incrementAndGet));
        waitFor(() -> composer(robot, t.ref()).isPresent());
        robot.targetWindow(composer(robot, t.ref()).orElseThrow());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private ListView<SavedReply> list(FxRobot robot) {
        return robot.lookup("#replyMatches").queryAs(ListView.class);
    }

    private TextArea body(FxRobot robot) {
        return robot.lookup("#replyBody").queryAs(TextArea.class);
    }

    private boolean searching(FxRobot robot) {
        Node pane = robot.lookup("#replySearchPane").query();
        return pane.isVisible();
    }

    private String focusedId(FxRobot robot, String ref) {
        Node n = composer(robot, ref).orElseThrow().getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    @Test
    void colonColonFindsAReplyAsYouTypeAndEnterInsertsItFilledAtTheCursor(FxRobot robot) throws Exception {
        open(robot, f.plain);
        waitFor(() -> text(robot, "#replyFirstContact").startsWith("This reply will be the first customer contact"));
        assertThat(text(robot, "#replyTimeLeft")).isEqualTo("1h 00m 00s left");
        assertThat(text(robot, "#replyTarget")).isEqualTo("Severity 1: first response within 1 Business Hour");
        assertThat(text(robot, "#replySignature")).isEqualTo("Kind regards,\nAda Admin");
        assertThat(robot.lookup("#replyClassification").queryAs(Label.class).isVisible()).isFalse();
        assertThat(focusedId(robot, f.plain.ref())).isEqualTo("replyBody");
        assertThat(body(robot).getText()).isEqualTo("Hello Cal,\n\n");
        assertThat(searching(robot)).isFalse();
        // the composer's help lists every placeholder as it is written in a body, with what it stands for
        assertThat(robot.lookup("#replyPlaceholderHelp").query().isVisible()).isFalse();
        robot.interact(() -> robot.lookup("#replyPlaceholders").queryAs(ToggleButton.class).fire());
        waitFor(() -> robot.lookup("#replyPlaceholderHelp").query().isVisible());
        List<String> help = robot.lookup("#replyPlaceholderHelp").queryAs(GridPane.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        for (Placeholder p : Placeholder.values()) {
            assertThat(help).containsSubsequence(p.token(), p.description());
        }
        robot.interact(() -> robot.lookup("#replyPlaceholders").queryAs(ToggleButton.class).fire());
        waitFor(() -> !robot.lookup("#replyPlaceholderHelp").query().isVisible());
        assertThat(focusedId(robot, f.plain.ref())).isEqualTo("replyBody");

        robot.write("::lo");
        waitFor(() -> searching(robot) && list(robot).getItems().size() == 1);
        assertThat(list(robot).getItems()).extracting(SavedReply::name).containsExactly("Please send the log file");
        // the chosen reply is previewed as it would go in
        assertThat(text(robot, "#replyPreview")).isEqualTo("Could you send the log file for Export fails?");
        robot.type(KeyCode.ENTER);
        waitFor(() -> !searching(robot));
        assertThat(body(robot).getText()).isEqualTo("Hello Cal,\n\nCould you send the log file for Export fails?");
        // the text stays editable and the cursor is right after the inserted reply
        robot.write(" Thanks.");
        waitFor(() -> body(robot).getText().endsWith("Export fails? Thanks."));

        // Ctrl+I: search in the field, Down to the next match, Enter inserts where the cursor was in the text
        robot.interact(() -> body(robot).positionCaret("Hello Cal,".length()));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitFor(() -> searching(robot) && "replySearch".equals(focusedId(robot, f.plain.ref())));
        assertThat(list(robot).getItems()).extracting(SavedReply::name).first().isEqualTo("We are on it");
        robot.write("th");
        waitFor(() -> list(robot).getItems().size() == 2);
        assertThat(list(robot).getItems()).extracting(SavedReply::name).containsExactly("My thanks",
                "Please send the log file");
        robot.type(KeyCode.DOWN).type(KeyCode.UP);
        robot.type(KeyCode.ENTER);
        waitFor(() -> !searching(robot));
        assertThat(body(robot).getText()).isEqualTo("Hello Cal,Thanks, Cal!\n\nCould you send the log file for Export"
                + " fails? Thanks.");
        waitFor(() -> "replyBody".equals(focusedId(robot, f.plain.ref())));
        assertThat(body(robot).getCaretPosition()).isEqualTo("Hello Cal,Thanks, Cal!".length());

        // Ctrl+Enter sends the text with the signature below it
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> composer(robot, f.plain.ref()).isEmpty());
        assertThat(f.sent).singleElement().satisfies(d -> assertThat(d.body()).isEqualTo("Hello Cal,Thanks, Cal!\n\n"
                + "Could you send the log file for Export fails? Thanks.\n\nKind regards,\nAda Admin"));
        assertThat(sentCallbacks.get()).isEqualTo(1);
    }

    @Test
    void aSensitiveTicketOffersOnlyItsRepliesAndCarriesTheClassificationLine(FxRobot robot) throws Exception {
        open(robot, f.secret);
        waitFor(() -> robot.lookup("#replyClassification").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#replyClassification")).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(text(robot, "#replySignature")).isEqualTo("Kind regards,\nAda Admin");

        robot.write("::");
        waitFor(() -> searching(robot));
        assertThat(list(robot).getItems()).extracting(SavedReply::name).containsExactly("Cleared words");
        robot.write("ack");
        waitFor(() -> list(robot).getItems().isEmpty());
        // Esc closes the search, not the composer
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !searching(robot));
        assertThat(composer(robot, f.secret.ref())).isPresent();
        assertThat(body(robot).getText()).isEqualTo("Hello Cal,\n\n::ack");
    }
}
