package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.ui.admin.DeskFixture;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.board.BoardViewModel;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.TicketOrder;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.signin.SignInGate;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
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

/** The desk under headless Monocle: sign-in, board, countdowns, filters, actions, conflicts, Official Sensitive. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DeskFxTest {

    @TempDir
    static Path shared;

    final DeskFixture fixture = new DeskFixture(); // Wednesday 11 March 2026, 11:00 GMT: the desk is open
    Path dir;
    MutableClock clock;
    Store store;
    Stage stage;
    MainWindow window;
    UiTaskExecutor executor;
    List<Agent> callConsole = new ArrayList<>();
    List<Notifier.Alert> alerts = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        fixture.start(shared, stage, f -> new MainWindow.Services(f.clock, ZoneOffset.UTC, f.executor,
                WindowStateStore.NONE, new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, f.executor),
                (agent, ticket) -> callConsole.add(agent), alerts::add));
        this.stage = stage;
        clock = fixture.clock;
        executor = fixture.executor;
        dir = fixture.dir;
        store = fixture.store;
        window = fixture.window;
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private DeskView desk(FxRobot robot, String username) throws Exception {
        Agent a = store.agents().findByUsername(username).orElseThrow();
        DeskView desk = WaitForAsyncUtils.asyncFx(() -> window.showDesk(store, a)).get().get(15, TimeUnit.SECONDS);
        waitFor(() -> desk.board().size() > 0 && !desk.board().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.requestFocus());
        return desk;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        // The condition reads state the FX thread changes (observable lists among it): read it on that thread.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node cell(FxRobot robot, String list, long ticketId) {
        return robot.lookup("#" + list + " .ticket-cell").match(n -> Long.valueOf(ticketId).equals(n.getProperties().get("ticketId")))
                .query();
    }

    private static String countdownOf(Node cell) {
        return ((Label) ((Parent) cell).lookup(".card-countdown")).getText();
    }

    @Test
    void signInRefusesAWrongPasswordAndOpensTheBoardWithTheRightOne(FxRobot robot) throws Exception {
        robot.interact(() -> window.showSignIn(SignInGate.embedded(store), true, () -> null,
                s -> window.showDesk(s.store(), s.agent())));
        robot.interact(() -> stage.requestFocus());
        assertThat(robot.lookup("#demoHint").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#username").write("lead");
        robot.clickOn("#password").write("wrong");
        robot.clickOn("#signInButton");
        waitFor(() -> !robot.lookup("#signInMessage").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#signInMessage").queryAs(Label.class).getText()).isEqualTo("Unknown user name or wrong password.");
        assertThat(robot.lookup("#mainBoard").tryQuery()).isEmpty();

        robot.clickOn("#password").write("lead-demo-desk");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#mainBoard").tryQuery().isPresent());
        waitFor(() -> window.desk().board().size() > 0);
        assertThat(robot.lookup("#signedInAs").queryAs(Label.class).getText()).startsWith("Lee Adams");
        // demo data lives in a folder marked DEMO, and the window says so (a real desk is never mistaken for it)
        assertThat(stage.getTitle()).isEqualTo("Support Desk \u2014 DEMO");
        assertThat(robot.lookup("#databaseStatus").queryAs(Label.class).getText()).startsWith("DEMO");
    }

    @Test
    void boardShowsDemoTicketsInTheirColumnsMostUrgentFirst(FxRobot robot) throws Exception {
        desk(robot, "lead");
        for (String[] c : new String[][] {{"board-new", "NEW"}, {"board-open", "OPEN"},
            {"board-waiting", "WAITING_ON_CUSTOMER"}, {"board-resolved-today", "RESOLVED"}}) {
            @SuppressWarnings("unchecked")
            ListView<Ticket> list = robot.lookup("#" + c[0]).queryAs(ListView.class);
            assertThat(list.getItems()).isNotEmpty().allMatch(t -> t.status() == TicketStatus.valueOf(c[1]));
            if (!c[0].equals("board-resolved-today")) {
                assertThat(list.getItems()).isSortedAccordingTo(TicketOrder.URGENCY);
            }
        }
        @SuppressWarnings("unchecked")
        ListView<Ticket> fresh = robot.lookup("#board-new").queryAs(ListView.class);
        Ticket first = fresh.getItems().get(0);
        Node firstCell = cell(robot, "board-new", first.id());
        assertThat(((Label) ((Parent) firstCell).lookup(".card-ref")).getText()).isEqualTo(first.ref());
        // the most urgent new ticket is overdue, and says so in words and colour
        assertThat(countdownOf(firstCell)).startsWith("overdue");
        assertThat(((Parent) firstCell).lookup(".card-countdown").getStyleClass()).contains("countdown-overdue");
        assertThat(((Parent) firstCell).lookup(".severity-badge").getStyleClass()).contains("sev-" + first.severity().name().toLowerCase());
        // virtualized: far fewer cells than tickets would be needed for a long column, none per ticket beyond the viewport
        assertThat(robot.lookup("#board-new .ticket-cell").queryAll().size()).isLessThanOrEqualTo(fresh.getItems().size() + 2);
    }

    @Test
    void countdownTextFollowsTheInjectedClock(FxRobot robot) throws Exception {
        DeskView desk = desk(robot, "lead");
        Ticket running = desk.board().column(BoardViewModel.Column.NEW).stream()
                .filter(t -> t.firstContactAt() == null && t.deadline().isAfter(clock.instant())).findFirst().orElseThrow();
        Node cell = cell(robot, "board-new", running.id());
        String before = countdownOf(cell);
        assertThat(before).endsWith("s left");
        clock.advance(Duration.ofSeconds(65));
        robot.interact(() -> desk.ticker().tick());
        String after = countdownOf(cell(robot, "board-new", running.id()));
        String expected = new Countdown(ZoneOffset.UTC).text(store.policy().clock().status(running.severity(), running.received(),
                null, clock.instant()), clock.instant());
        assertThat(after).isNotEqualTo(before).isEqualTo(expected);
    }

    @Test
    void filtersAndSearchNarrowTheBoard(FxRobot robot) throws Exception {
        DeskView desk = desk(robot, "lead");
        robot.clickOn("#board-severity");
        waitFor(() -> robot.lookup(".combo-box-popup .list-cell").match(n -> "S1 Critical".equals(((Labeled) n).getText()))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(n -> "S1 Critical".equals(((Labeled) n).getText()))
                .queryAs(Node.class));
        waitFor(() -> desk.board().severityFilterProperty().get() == Severity.S1);
        for (BoardViewModel.Column c : BoardViewModel.Column.values()) {
            assertThat(desk.board().column(c)).allMatch(t -> t.severity() == Severity.S1);
        }
        assertThat(robot.lookup("#mainBoard .ticket-cell").queryAll().stream().filter(n -> n.getProperties().containsKey("ticketId"))
                .map(n -> ((Label) ((Parent) n).lookup(".severity-badge")).getText())).isNotEmpty().allMatch("S1 Critical"::equals);
        robot.clickOn("#board-clearFilters");
        robot.clickOn("#board-search").write("payments");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.board().column(BoardViewModel.Column.NEW)).extracting(Ticket::subject)
                .containsExactly("Payments API returns 503 for all merchants");
        assertThat(desk.board().column(BoardViewModel.Column.OPEN)).isEmpty();
    }

    @Test
    void assignToMeByKeyboardUpdatesTheCard(FxRobot robot) throws Exception {
        DeskView desk = desk(robot, "lead");
        Ticket unassigned = desk.board().column(BoardViewModel.Column.NEW).stream().filter(t -> t.assigneeId() == null)
                .findFirst().orElseThrow();
        robot.clickOn(cell(robot, "board-new", unassigned.id()));
        waitFor(() -> desk.detail().ticketProperty().get() != null && desk.detail().ticketProperty().get().id() == unassigned.id());
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitFor(() -> desk.board().ticket(unassigned.id()).assigneeName() != null);
        assertThat(store.tickets().get(desk.session().agent(), unassigned.id()).assigneeName()).isEqualTo("Lee Adams");
        Node c = cell(robot, "board-new", unassigned.id());
        assertThat(((Label) ((Parent) c).lookup(".card-meta")).getText()).contains("Lee Adams");
        assertThat(desk.board().selectedProperty().get().id()).isEqualTo(unassigned.id());
    }

    @Test
    void aConflictingChangeSaysWhoChangedItAndKeepsWhatWasTyped(FxRobot robot) throws Exception {
        DeskView desk = desk(robot, "lead");
        Ticket t = desk.board().column(BoardViewModel.Column.NEW).get(0);
        robot.clickOn(cell(robot, "board-new", t.id()));
        waitFor(() -> desk.detail().ticketProperty().get() != null && desk.detail().ticketProperty().get().id() == t.id()
                && !desk.detail().busyProperty().get());
        // someone else, through another connection, changes the ticket underneath
        try (Store other = TestStores.open(dir, clock)) {
            Agent sam = other.agents().findByUsername("sam").orElseThrow();
            Ticket theirs = other.tickets().get(sam, t.id());
            other.changes().changeSeverity(sam, t.id(), theirs.version(), Severity.S2);
        }
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#levelReason").tryQuery().isPresent());
        robot.clickOn("#levelReason").write("Needs database access");
        robot.clickOn("#dialogOk");
        waitFor(() -> robot.lookup("#dialogError").queryAs(Label.class).isVisible());
        String message = robot.lookup("#dialogError").queryAs(Label.class).getText();
        assertThat(message).contains(t.ref() + " was changed by Sam Patel").contains("reload");
        assertThat(robot.lookup("#levelReason").queryAs(TextArea.class).getText()).isEqualTo("Needs database access");
        assertThat(robot.lookup("#conflictMessage").queryAs(Label.class).getText()).contains("changed by Sam Patel");
        assertThat(store.tickets().get(desk.session().agent(), t.id()).level().number()).isEqualTo(t.level().number());
        robot.clickOn("#dialogCancel");
        robot.clickOn("#conflictReload");
        waitFor(() -> desk.detail().conflictProperty().get().isEmpty() && desk.detail().ticketProperty().get().severity() == Severity.S2);
    }

    @Test
    void officialSensitiveTabOnlyForClearedStaff(FxRobot robot) throws Exception {
        desk(robot, "lead");
        TabPane tabs = robot.lookup("#boards").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("Board", "Official Sensitive");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        waitFor(() -> robot.lookup("#sensitiveBanner").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        List<Ticket> sensitive = new ArrayList<>();
        for (String id : List.of("sensitive-new", "sensitive-open", "sensitive-waiting")) {
            sensitive.addAll(robot.lookup("#" + id).queryAs(ListView.class).getItems());
        }
        assertThat(sensitive).isNotEmpty().allMatch(Ticket::sensitive).noneMatch(Ticket::redacted);
        // opening one from the Official Sensitive view is audited under that view's name
        Ticket first = sensitive.get(0);
        Agent lead = store.agents().findByUsername("lead").orElseThrow();
        robot.interact(() -> window.desk().sensitiveBoard().selectById(first.id()));
        waitFor(() -> store.audit().list(lead, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .stream().anyMatch(a -> a.ticketId() == first.id() && a.view().equals("official sensitive view")));
        robot.interact(() -> window.showDesk(store, store.agents().findByUsername("agent").orElseThrow()));
        waitFor(() -> window.desk().session().agent().username().equals("agent") && window.desk().board().size() > 0);
        TabPane agentTabs = robot.lookup("#boards").queryAs(TabPane.class);
        assertThat(agentTabs.getTabs()).extracting(Tab::getText).containsExactly("Board");
        assertThat(robot.lookup("#sensitiveBoard").tryQuery()).isEmpty();
        assertThat(robot.lookup("#menuSensitive").tryQuery()).isEmpty();
    }

    @Test
    void unclearedAgentSeesPlaceholderCardsThatCannotBeOpened(FxRobot robot) throws Exception {
        DeskView desk = desk(robot, "agent");
        Ticket placeholder = desk.board().column(BoardViewModel.Column.NEW).stream().filter(Ticket::redacted).findFirst()
                .orElseThrow();
        Node c = cell(robot, "board-new", placeholder.id());
        Parent card = (Parent) ((Parent) c).lookup(".ticket-card");
        assertThat(card.getStyleClass()).contains("placeholder-card");
        assertThat(((Label) card.lookup(".card-subject")).getText()).isEqualTo(Ticket.PLACEHOLDER);
        assertThat(((Label) card.lookup(".card-ref")).getText()).isEqualTo(placeholder.ref());
        assertThat(((Label) card.lookup(".card-countdown")).getText()).isNotBlank();
        assertThat(((Label) card.lookup(".card-meta")).getText()).contains(placeholder.assigneeName());
        robot.clickOn(c);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.detail().ticketProperty().get()).isNull();
        assertThat(robot.lookup("#boardMessage").queryAs(Label.class).getText()).contains("cannot be opened");
        // no content of a sensitive ticket anywhere in the window
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).noneMatch(l -> l.getText() != null
                && (l.getText().contains("citizen") || l.getText().contains("case records")));
    }

    @Test
    void logACallUsesTheInjectedConsoleWithCtrlL(FxRobot robot) throws Exception {
        desk(robot, "lead");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(callConsole).extracting(Agent::username).containsExactly("lead");
    }
}
