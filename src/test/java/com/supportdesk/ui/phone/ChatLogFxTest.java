package com.supportdesk.ui.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Log chat", keyboard only and headless: a pasted transcript becomes a ticket or a message on one. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ChatLogFxTest {

    private static final String CHAT = "[10:02] Gail Gov: The portal is down\nfor everyone here\n"
            + "[10:06] Olive: Sorry, looking now\n[10:09] Gail Gov: thanks\n";

    @TempDir
    Path dir;
    PhoneFixture f;
    CallConsole phone;
    Stage main;
    final List<Ticket> logged = new ArrayList<>();

    @Start
    void start(Stage stage) {
        main = stage;
        f = new PhoneFixture(dir, "2026-11-25T12:00:00Z");
        phone = f.fxConsole(logged);
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        PhoneFixture.waitFor(condition);
    }

    private boolean showing(FxRobot robot) {
        return PhoneFixture.window(robot, ChatLogView.TITLE).isPresent();
    }

    private void paste(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#chat-text").queryAs(TextArea.class).setText(text));
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aPastedTranscriptOpensAChatTicketAndTheAgentsLineStopsTheClock(FxRobot robot) throws Exception {
        robot.interact(() -> phone.openChatLog(main, f.olive, null));
        waitFor(() -> showing(robot));
        waitFor(() -> robot.lookup("#chat-text").queryAs(TextArea.class).isFocused());
        paste(robot, CHAT);
        waitFor(() -> robot.lookup("#chat-desk-1").tryQueryAs(CheckBox.class).map(CheckBox::isSelected).orElse(false));
        assertThat(robot.lookup("#chat-desk-0").queryAs(CheckBox.class).getText()).isEqualTo("Gail Gov");
        assertThat(label(robot, "#chat-summary")).startsWith("3 lines, 10:02\u201310:09").contains("First reply by Olive");

        robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> !showing(robot));

        Ticket t = f.store.tickets().get(f.admin, logged.get(0).id());
        assertThat(t.channel()).isEqualTo(Channel.CHAT);
        assertThat(t.severity()).isEqualTo(Severity.S2);
        assertThat(t.subject()).isEqualTo("The portal is down for everyone here");
        assertThat(t.received()).isEqualTo(Instant.parse("2026-11-25T10:02:00Z"));
        assertThat(t.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T10:06:00Z"));
        assertThat(t.firstContactEvent()).isEqualTo(ContactEvent.CHAT_REPLY);
    }

    @Test
    void onAnExistingTicketTheTranscriptIsAChatMessageAndABadLineIsNamed(FxRobot robot) throws Exception {
        Ticket existing = f.store.changes().create(f.olive, NewTicket.of("Portal down", Severity.S1, Channel.EMAIL,
                Instant.parse("2026-11-25T09:55:00Z")));
        robot.interact(() -> phone.openChatLog(main, f.olive, existing.id()));
        waitFor(() -> showing(robot));
        paste(robot, "[10:02] Gail Gov: hello\nOlive said: hi\n[10:6] Olive: hi");
        assertThat(label(robot, "#chat-error")).startsWith("Line 3: ").contains("[10:6]");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#chat-problems")).startsWith("Line 3: ");
        assertThat(showing(robot)).isTrue();

        paste(robot, CHAT);
        waitFor(() -> label(robot, "#chat-error").isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> !showing(robot));
        Ticket after = f.store.tickets().get(f.olive, existing.id());
        assertThat(after.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T10:06:00Z"));
        List<Message> messages = f.store.tickets().open(f.olive, existing.id(), "test").messages();
        assertThat(messages).extracting(Message::kind).containsExactly(MessageKind.CHAT);
        assertThat(messages.get(0).body()).isEqualTo(CHAT.strip());
    }
}
