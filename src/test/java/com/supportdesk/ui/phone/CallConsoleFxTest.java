package com.supportdesk.ui.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.CallForm;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
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

/**
 * The operator's call console end to end, keyboard only, headless: shortcut, lookup, new ticket, draft
 * recovery, Esc, an outbound call. The store is a real H2 file; phone work runs on a background executor.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CallConsoleFxTest {

    @TempDir
    Path dir;
    PhoneFixture f;
    CallConsole phone;
    Stage main;
    final List<Ticket> logged = new ArrayList<>();

    @Start
    void start(Stage stage) {
        main = stage;
        f = new PhoneFixture(dir, "2026-11-25T10:00:00Z"); // a Wednesday, 10:00 GMT
        phone = f.fxConsole(logged);
        ActionFactory actions = new ActionFactory();
        Button call = actions.button(DeskAction.NEW_CALL, () -> phone.open(stage, f.olive, null));
        Scene scene = new Scene(new VBox(call), 400, 200);
        ActionFactory.install(scene, DeskAction.NEW_CALL, call::fire);
        stage.setScene(scene);
        stage.setTitle("Main");
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        PhoneFixture.waitFor(condition);
    }

    private Stage consoleWindow(FxRobot robot) {
        return PhoneFixture.window(robot, CallConsoleView.TITLE).orElseThrow();
    }

    private boolean consoleShowing(FxRobot robot) {
        return PhoneFixture.window(robot, CallConsoleView.TITLE).isPresent();
    }

    /** Types into the console window (TestFX writes to its target window, which is the main stage otherwise). */
    private void write(FxRobot robot, String text) {
        robot.targetWindow(consoleWindow(robot));
        robot.write(text);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private String focusedId(FxRobot robot) {
        Node n = consoleWindow(robot).getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    @Test
    void ctrlLThenAPhoneNumberInAnotherFormatThenANewS1TicketReceivedWhenTheConsoleOpened(FxRobot robot)
            throws Exception {
        assertThat(new ActionFactory().tooltip(DeskAction.NEW_CALL).getText()).contains("Ctrl+L");

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitFor(() -> consoleShowing(robot));
        Instant opened = phone.current().started();
        assertThat(opened).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(consoleWindow(robot).getOwner()).isSameAs(main);
        assertThat(text(robot, "#call-timer")).isEqualTo("00:00");
        f.clock.advance(Duration.ofSeconds(3));
        robot.interact(f::tickSecond);
        assertThat(text(robot, "#call-timer")).isEqualTo("00:03");
        assertThat(focusedId(robot)).isEqualTo("caller-search");

        write(robot, "020 7946 0018");
        waitFor(() -> robot.lookup("#caller-matches").queryAs(ListView.class).getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#caller-summary").startsWith("Gail Gov \u2014 Home Office Digital"));
        assertThat(robot.lookup("#caller-government").queryAs(Label.class).isVisible()).isTrue();
        assertThat(focusedId(robot)).isEqualTo("subject");

        write(robot, "Portal down for all users");
        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        assertThat(focusedId(robot)).isEqualTo("severity-1");
        assertThat(phone.current().fields().severityProperty().get()).isEqualTo(Severity.S1);
        f.clock.advance(Duration.ofMinutes(4));
        robot.type(KeyCode.ENTER);
        waitFor(() -> !consoleShowing(robot));

        assertThat(logged).hasSize(1);
        Ticket t = f.store.tickets().get(f.olive, logged.get(0).id());
        assertThat(t.subject()).isEqualTo("Portal down for all users");
        assertThat(t.severity()).isEqualTo(Severity.S1);
        assertThat(t.channel()).isEqualTo(Channel.PHONE);
        assertThat(t.received()).isEqualTo(opened);
        assertThat(t.contactId()).isEqualTo(f.gail.id());
        assertThat(t.firstContactAt()).isNull();
        assertThat(f.store.tickets().board(f.olive, f.clock.instant())).extracting(Ticket::id).contains(t.id());
        assertThat(f.store.tickets().open(f.olive, t.id(), "test").calls()).singleElement()
                .satisfies(c -> assertThat(c.duration()).isEqualTo(Duration.ofSeconds(243)));
    }

    @Test
    void afterACrashMidCallTheNextConsoleOffersTheDraftBackWithItsOriginalStart(FxRobot robot) throws Exception {
        robot.interact(() -> phone.open(main, f.olive, null));
        waitFor(() -> consoleShowing(robot));
        Instant opened = phone.current().started();
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        assertThat(focusedId(robot)).isEqualTo("notes");
        write(robot, "Cannot log in since the upgrade");
        f.clock.advance(Duration.ofSeconds(5));
        robot.interact(f::tickAutosave);
        CallConsoleViewModel crashed = phone.current();
        waitFor(() -> crashed.draftId().isPresent() && f.store.calls().drafts(f.olive).size() == 1);

        // the process dies: a new CallConsole (as after a restart); the old window just goes away, unended
        robot.interact(() -> consoleWindow(robot).hide());
        f.clock.advance(Duration.ofSeconds(85));
        phone = f.fxConsole(logged);
        robot.interact(() -> phone.open(main, f.olive, null));
        waitFor(() -> phone.current() != null && opened.equals(phone.current().started()));

        assertThat(f.dialogs.asked()).singleElement().asString().contains("started Wed 25 Nov 10:00:00")
                .contains("Cannot log in since the upgrade");
        assertThat(text(robot, "#call-started")).isEqualTo("Started 10:00:00");
        assertThat(robot.lookup("#notes").queryAs(TextArea.class).getText()).isEqualTo("Cannot log in since the upgrade");
        robot.interact(f::tickSecond);
        assertThat(text(robot, "#call-timer")).isEqualTo("01:30");
        assertThat(phone.current().draftId()).isEqualTo(crashed.draftId());
    }

    @Test
    void escAsksBeforeDiscardingTheCall(FxRobot robot) throws Exception {
        robot.interact(() -> phone.open(main, f.olive, null));
        waitFor(() -> consoleShowing(robot));
        robot.interact(f::tickAutosave);
        waitFor(() -> phone.current().draftId().isPresent());

        f.dialogs.discardAnswer = false;
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(f.dialogs.asked()).hasSize(1);
        assertThat(consoleShowing(robot)).isTrue();

        f.dialogs.discardAnswer = true;
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !consoleShowing(robot));
        assertThat(f.dialogs.asked()).hasSize(2);
        assertThat(f.store.calls().drafts(f.olive)).isEmpty();
        assertThat(logged).isEmpty();
    }

    @Test
    void anOutboundCallFromATicketStopsTheClockAndASecondCallDoesNotMoveIt(FxRobot robot) throws Exception {
        Ticket t = f.store.changes().create(f.olive, NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-11-25T09:00:00Z")).withCustomer(f.gov.id(), f.gail.id()));
        robot.interact(() -> phone.open(main, f.olive, t.id()));
        waitFor(() -> consoleShowing(robot) && text(robot, "#call-heading").endsWith("Reports slow"));
        waitFor(() -> text(robot, "#caller-summary").startsWith("Gail Gov"));
        assertThat(focusedId(robot)).isEqualTo("notes");
        write(robot, "Explained the workaround");
        robot.type(KeyCode.TAB);
        assertThat(robot.lookup("#notes").queryAs(TextArea.class).getText()).isEqualTo("Explained the workaround");
        assertThat(focusedId(robot)).isNotEqualTo("notes");
        f.clock.advance(Duration.ofMinutes(2));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> !consoleShowing(robot));

        Ticket after = f.store.tickets().get(f.olive, t.id());
        assertThat(after.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(after.firstContactEvent()).isEqualTo(ContactEvent.PHONE_CALL);

        f.clock.advance(Duration.ofHours(1));
        robot.interact(() -> phone.open(main, f.olive, t.id()));
        waitFor(() -> consoleShowing(robot));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> !consoleShowing(robot));
        assertThat(f.store.tickets().get(f.olive, t.id()).firstContactAt()).isEqualTo(after.firstContactAt());
        assertThat(f.store.tickets().open(f.olive, t.id(), "test").calls()).hasSize(2);
    }

    @Test
    void theTabOrderFollowsTheFormAndEnterWithAnIncompleteFormSaysWhatIsMissing(FxRobot robot) throws Exception {
        robot.interact(() -> phone.open(main, f.olive, null));
        waitFor(() -> consoleShowing(robot));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            order.add(focusedId(robot));
            robot.type(KeyCode.TAB);
        }
        assertThat(order).as(order.toString()).containsSubsequence("caller-search", "add-caller", "target-new", "subject", "severity-1",
                "level", "technical", "sensitive", "notes", "discard", "save");
        robot.interact(() -> robot.lookup("#subject").query().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#problems")).contains(new CallForm(CallDirection.INBOUND,
                Instant.EPOCH, null, null, true, null, "", null, null, true, false, "").problems().get(0));
        assertThat(consoleShowing(robot)).isTrue();
        Window w = consoleWindow(robot);
        assertThat(w.getScene().getStylesheets()).as("the desk's theme, like every window").isEqualTo(Theme.stylesheets());
    }
}
