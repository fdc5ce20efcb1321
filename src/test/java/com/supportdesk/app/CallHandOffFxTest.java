package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.ui.MainWindow;
import com.supportdesk.ui.WindowStateStore;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.phone.CallConsoleView;
import com.supportdesk.ui.signin.SignInGate;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
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

/**
 * {@code support-desk call --from} (a softphone's command) reaching the running desk, headless: the desk's own channel,
 * the command line in this process, the real call console. The console opens with the timer counting from the
 * moment of the call and the caller already found, on the embedded database and on a team database; a call before
 * anyone has signed in waits for the sign-in; a second call waits behind the first.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CallHandOffFxTest {

    @TempDir
    static Path shared;

    static final Instant CALL = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday, desk open

    Path data;
    MutableClock clock = MutableClock.at(CALL.toString());
    Stage stage;
    MainWindow window;
    UiTaskExecutor executor = new UiTaskExecutor("test-db");
    DeskRequests requests;
    DeskInstance desk;
    TestDesk team;
    Store store;
    Agent operator;
    Contact gail;
    Ticket open;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        data = Files.createTempDirectory(shared, "desk");
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // a console still open goes away without its "Discard this call?" (closing the desk would ask)
            javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s
                    && CallConsoleView.TITLE.equals(s.getTitle())).toList().forEach(javafx.stage.Window::hide);
            if (window != null) {
                window.close();
            }
        }).get();
        FxToolkit.cleanupStages();
        if (desk != null) {
            desk.close();
        }
        executor.close();
        if (team != null) {
            team.close();
        }
    }

    /** A desk on either engine with an operator, a caller with a phone number and one open ticket of theirs. */
    private void desk(TestDesk.Engine engine, FxRobot robot) throws Exception {
        team = TestDesk.open(engine, data.resolve("db"), clock);
        operator = team.agent("olive", Clearance.NONE);
        Customer gov = team.store().customers().create(team.admin(), "Home Office Digital", true, 4);
        gail = team.store().contacts().create(team.admin(), gov.id(), "Gail Gov", "gail@gov.example", "+44 20 7946 0018",
                ContactRole.ADMINISTRATOR);
        // another contact whose number only starts the same: never picked for the caller
        team.store().contacts().create(team.admin(), gov.id(), "Gary Gov", "gary@gov.example", "+44 20 7946 0019",
                ContactRole.REGISTERED_USER);
        open = team.store().changes().create(team.admin(), NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                CALL.minus(Duration.ofHours(2))).withCustomer(gov.id(), gail.id()));
        store = team.as(operator);
        Wiring wiring = new Wiring(Map.of(), clock);
        robot.interact(() -> {
            window = new MainWindow(stage, new MainWindow.Services(clock, ZoneOffset.UTC, executor, WindowStateStore.NONE,
                    new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, executor), wiring.callConsoleOpener(stage, () -> store),
                    Notifier.NONE));
        });
        requests = new DeskRequests(clock);
        DeskInstance.Claim claim = DeskInstance.claim(data, new DeskChannel.Request(DeskRequests.OPEN, Map.of()),
                requests.dispatcher(), Duration.ofSeconds(5));
        assertThat(claim).isInstanceOf(DeskInstance.Held.class);
        desk = ((DeskInstance.Held) claim).instance();
        robot.interact(() -> requests.attach(window));
    }

    private void signIn(FxRobot robot) throws Exception {
        robot.interact(() -> window.showDesk(store, operator));
        waitFor(() -> window.desk() != null);
    }

    /** The softphone's command, run as a separate command line would (in this process, its own output). */
    private Cli.Result softphone(String... callArgs) {
        List<String> args = new ArrayList<>(List.of("--data-dir", data.toString(), "call"));
        args.addAll(List.of(callArgs));
        return new Cli(clock).run(args.toArray(String[]::new));
    }

    @Test
    void aCallOnTheEmbeddedDatabaseOpensTheConsoleWithTheCallerFoundAndTheTimerFromTheCall(FxRobot robot) throws Exception {
        desk(TestDesk.Engine.H2, robot);
        signIn(robot);
        callOpensTheConsoleWithTheCallerAndLogsANewTicketReceivedAtTheCall(robot);
    }

    @Test
    void aCallOnATeamDatabaseOpensTheConsoleWithTheCallerFoundAndTheTimerFromTheCall(FxRobot robot) throws Exception {
        desk(TestDesk.Engine.POSTGRES, robot);
        signIn(robot);
        callOpensTheConsoleWithTheCallerAndLogsANewTicketReceivedAtTheCall(robot);
    }

    private void callOpensTheConsoleWithTheCallerAndLogsANewTicketReceivedAtTheCall(FxRobot robot) throws Exception {
        Cli.Result r = softphone("--from", "020 7946 0018", "--name", "Gail Gov");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("The call console is open in the running Support Desk for 020 7946 0018 (Gail Gov)");

        waitFor(() -> console(robot).isPresent());
        assertThat(text(robot, "#call-heading")).isEqualTo("Inbound call from 020 7946 0018 (Gail Gov)");
        assertThat(text(robot, "#call-started")).isEqualTo("Started " + DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK)
                .withZone(ZoneId.systemDefault()).format(CALL));
        // the whole number is Gail's: she is picked at once, with her open ticket; Gary (…0019) is not
        waitFor(() -> text(robot, "#caller-summary").startsWith("Gail Gov \u2014 Home Office Digital \u00b7 Administrator"));
        waitFor(() -> robot.lookup("#caller-tickets").queryAs(ListView.class).getItems().size() == 1);
        assertThat(((Ticket) robot.lookup("#caller-tickets").queryAs(ListView.class).getItems().get(0)).id())
                .isEqualTo(open.id());

        // the timer counts from the call, not from when the console came up
        clock.advance(Duration.ofSeconds(75));
        waitFor(() -> text(robot, "#call-timer").equals("01:15"));

        robot.interact(() -> {
            robot.lookup("#subject").queryAs(TextField.class).setText("Portal down for all users");
            robot.lookup("#severity-1").queryAs(RadioButton.class).fire();
        });
        clock.advance(Duration.ofSeconds(30));
        robot.interact(() -> robot.lookup("#save").queryAs(Button.class).fire());
        waitFor(() -> console(robot).isEmpty());

        Ticket t = store.tickets().search(operator, "Portal down", 5).get(0);
        assertThat(t.received()).isEqualTo(CALL);
        assertThat(t.contactId()).isEqualTo(gail.id());
        assertThat(store.tickets().open(operator, t.id(), "test").calls()).singleElement()
                .satisfies(c -> {
                    assertThat(c.started()).isEqualTo(CALL);
                    assertThat(c.duration()).isEqualTo(Duration.ofSeconds(105));
                });
    }

    @Test
    void aCallBeforeAnyoneSignedInOpensOnceSomeoneHasWithTheCallsOwnStart(FxRobot robot) throws Exception {
        desk(TestDesk.Engine.H2, robot);
        robot.interact(() -> window.showSignIn(SignInGate.embedded(store), false, null, s -> { }));
        Cli.Result r = softphone("--from", "+44 20 7946 0018");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("opens once you have signed in");
        assertThat(console(robot)).isEmpty();

        clock.advance(Duration.ofSeconds(40)); // the operator types their password
        signIn(robot);
        waitFor(() -> console(robot).isPresent());
        waitFor(() -> text(robot, "#caller-summary").startsWith("Gail Gov"));
        waitFor(() -> text(robot, "#call-timer").equals("00:40"));
    }

    @Test
    void aSecondCallWaitsBehindTheFirstAndOpensWhenItIsDone(FxRobot robot) throws Exception {
        desk(TestDesk.Engine.H2, robot);
        signIn(robot);
        assertThat(softphone("--from", "+44 20 7946 0018").exit()).isZero();
        waitFor(() -> console(robot).isPresent());
        clock.advance(Duration.ofSeconds(20));
        Instant second = clock.instant();
        assertThat(softphone("--from", "anonymous").exit()).isZero();
        waitFor(() -> text(robot, "#call-waiting").startsWith("Call waiting: a withheld number at "));
        assertThat(text(robot, "#call-heading")).isEqualTo("Inbound call from +44 20 7946 0018");

        // the first call's window goes away (logged or discarded), the second opens with its own start
        robot.interact(() -> console(robot).orElseThrow().hide());
        waitFor(() -> console(robot).isPresent() && text(robot, "#call-heading").equals("Inbound call from a withheld number"));
        assertThat(text(robot, "#call-started")).endsWith(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK)
                .withZone(ZoneId.systemDefault()).format(second));
        assertThat(text(robot, "#caller-summary")).isEqualTo("No caller chosen yet");
    }

    @Test
    void aTelLinkMacOsHandsTheDeskOpensTheConsoleAsTheSoftphonesCommandDoes(FxRobot robot) throws Exception {
        desk(TestDesk.Engine.H2, robot);
        signIn(robot);
        // what the open-URI handler (app.PhoneLinks, macOS) does with the Apple Event's link
        DeskChannel.Reply reply = PhoneLinks.open(URI.create("tel:%2B44%2020%207946%200018"), requests.dispatcher(), clock);
        assertThat(reply.ok()).as(reply.message()).isTrue();
        assertThat(reply.message()).contains("The call console is open in the running Support Desk for +44 20 7946 0018");

        waitFor(() -> console(robot).isPresent());
        assertThat(text(robot, "#call-heading")).isEqualTo("Inbound call from +44 20 7946 0018");
        waitFor(() -> text(robot, "#caller-summary").startsWith("Gail Gov \u2014 Home Office Digital \u00b7 Administrator"));
        clock.advance(Duration.ofSeconds(12));
        waitFor(() -> text(robot, "#call-timer").equals("00:12"));
    }

    @Test
    void aSecondLaunchBringsTheDeskForward(FxRobot robot) throws Exception {
        desk(TestDesk.Engine.H2, robot);
        signIn(robot);
        robot.interact(() -> stage.setIconified(true));
        Optional<DeskChannel.Reply> reply = DeskChannel.ask(data, new DeskChannel.Request(DeskRequests.OPEN, Map.of()));
        assertThat(reply).hasValueSatisfying(x -> assertThat(x.message()).contains("came forward"));
        waitFor(() -> !stage.isIconified() && stage.isShowing());
    }

    private static Optional<Stage> console(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && CallConsoleView.TITLE.equals(s.getTitle())
                && s.isShowing()).map(Stage.class::cast).findFirst();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
