package com.supportdesk.ui.lead;

import static com.supportdesk.ui.admin.DeskFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.SlaState;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.Store;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.DeskView;
import com.supportdesk.ui.admin.DeskFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** The lead wallboard under headless Monocle: opened with F11, live from the ticker and the change feed. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WallboardFxTest {

    @TempDir
    static Path shared;

    final DeskFixture f = new DeskFixture();

    @Start
    void start(Stage stage) throws Exception {
        f.start(shared, stage);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private WallboardWindow open(FxRobot robot, DeskView desk) throws Exception {
        robot.press(KeyCode.F11).release(KeyCode.F11);
        waitFor(() -> desk.tools().wallboard().isPresent() && !desk.tools().wallboard().get().viewModel().loadingProperty().get()
                && !desk.tools().wallboard().get().viewModel().countdowns().isEmpty());
        return desk.tools().wallboard().orElseThrow();
    }

    private static String text(FxRobot robot, WallboardWindow w, String id) {
        return robot.from(w.stage().getScene().getRoot()).lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static ListView<Ticket> list(FxRobot robot, WallboardWindow w, String id) {
        return robot.from(w.stage().getScene().getRoot()).lookup(id).queryAs(ListView.class);
    }

    private static Node cell(FxRobot robot, WallboardWindow w, String list, long id) {
        return robot.from(w.stage().getScene().getRoot()).lookup(list + (list.equals("#wallCountdowns") ? " .wall-cell" : " .wall-cell-compact"))
                .match(n -> Long.valueOf(id).equals(n.getProperties().get("ticketId"))).query();
    }

    private static String countdown(Node cell) {
        return ((Label) ((Parent) cell).lookup(".wall-countdown")).getText();
    }

    @Test
    void f11OpensTheWallboardWithCountsAndPanelsForTheDemoDesk(FxRobot robot) throws Exception {
        DeskView desk = f.desk(robot, "lead");
        WallboardWindow w = open(robot, desk);
        assertThat(w.isFullScreen()).isTrue();
        assertThat(w.stage().getTitle()).isEqualTo(WallboardWindow.TITLE);
        Agent lead = desk.session().agent();
        List<Ticket> open = f.store.tickets().board(lead, f.clock.instant()).stream().filter(Ticket::isOpen).toList();
        for (Severity s : Severity.values()) {
            assertThat(text(robot, w, "#wallOpen" + s.name()))
                    .isEqualTo(Long.toString(open.stream().filter(t -> t.severity() == s).count()));
        }
        var rc = f.store.policy().clock();
        long overdue = open.stream().filter(t -> t.firstContactAt() == null)
                .filter(t -> rc.status(t.severity(), t.received(), null, f.clock.instant()).state() == SlaState.OVERDUE).count();
        assertThat(overdue).isPositive();
        assertThat(list(robot, w, "#wallOverdue").getItems()).hasSize((int) overdue);
        assertThat(text(robot, w, "#wallOverdueCount")).isEqualTo(Long.toString(overdue));
        assertThat(list(robot, w, "#wallAtRisk").getItems()).isNotEmpty();
        assertThat(list(robot, w, "#wallCountdowns").getItems()).hasSize(open.size());
        Ticket first = list(robot, w, "#wallOverdue").getItems().get(0);
        assertThat(countdown(cell(robot, w, "#wallOverdue", first.id()))).endsWith(" late");
        assertThat(countdown(cell(robot, w, "#wallCountdowns", first.id()))).startsWith("overdue ");
        assertThat(text(robot, w, "#wallComplianceS1MonthPct")).endsWith("%");
        assertThat(text(robot, w, "#wallClock")).isEqualTo("11:00");
        assertThat(text(robot, w, "#wallDeskState")).isEqualTo("Desk open");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.isShowing()).isFalse();
        assertThat(desk.tools().wallboard()).isEmpty();
    }

    @Test
    void theSharedTickerMovesCountdownsAndTicketsBetweenPanels(FxRobot robot) throws Exception {
        DeskView desk = f.desk(robot, "lead");
        WallboardWindow w = open(robot, desk);
        Ticket risky = list(robot, w, "#wallAtRisk").getItems().stream()
                .filter(t -> t.deadline().isAfter(f.clock.instant())).findFirst().orElseThrow();
        String before = countdown(cell(robot, w, "#wallCountdowns", risky.id()));
        f.clock.advance(Duration.ofSeconds(65));
        robot.interact(() -> desk.ticker().tick());
        assertThat(countdown(cell(robot, w, "#wallCountdowns", risky.id()))).isNotEqualTo(before).endsWith("s left");
        assertThat(text(robot, w, "#wallClock")).isEqualTo("11:01");

        f.clock.set(risky.deadline().plusSeconds(1));
        robot.interact(() -> desk.ticker().tick());
        assertThat(list(robot, w, "#wallOverdue").getItems()).extracting(Ticket::id).contains(risky.id());
        assertThat(list(robot, w, "#wallAtRisk").getItems()).extracting(Ticket::id).doesNotContain(risky.id());
        assertThat(countdown(cell(robot, w, "#wallCountdowns", risky.id()))).startsWith("overdue");
    }

    @Test
    void anUnclearedLeadSeesPlaceholdersAndNoSensitiveSubjectAnywhere(FxRobot robot) throws Exception {
        Agent lead = f.store.agents().findByUsername("lead").orElseThrow();
        f.store.agents().create(lead, new AgentSpec("una", "Una Lead", Clearance.NONE, SupportLevel.L2, true, false, true),
                TestStores.password("una").toCharArray());
        DeskView desk = f.desk(robot, "una");
        WallboardWindow w = open(robot, desk);
        List<Ticket> shown = list(robot, w, "#wallCountdowns").getItems();
        assertThat(shown).filteredOn(Ticket::sensitive).isNotEmpty().allMatch(Ticket::redacted);
        // make every row exist, then read every label of the wallboard
        robot.interact(() -> list(robot, w, "#wallCountdowns").setPrefHeight(5000));
        robot.interact(() -> w.stage().setHeight(4000));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = DeskFixture.texts(w.stage().getScene().getRoot());
        assertThat(texts).contains(Ticket.PLACEHOLDER);
        assertThat(texts).noneMatch(t -> t.contains("OFFICIAL-SENSITIVE") || t.contains("citizen")
                || t.contains("case records") || t.contains("role mapping"));
        assertThat(robot.from(w.stage().getScene().getRoot()).lookup("#wallShowSensitive").tryQuery()).isEmpty();
        assertThat(text(robot, w, "#wallViewer")).contains("Official Sensitive tickets shown as placeholders");
    }

    @Test
    void aTicketCreatedByAnotherProcessAppearsWhenTheFeedIsPolled(FxRobot robot) throws Exception {
        DeskView desk = f.desk(robot, "lead");
        WallboardWindow w = open(robot, desk);
        int s1Before = Integer.parseInt(text(robot, w, "#wallOpenS1"));
        f.clock.advance(Duration.ofSeconds(11)); // the feed re-reads the last 10 s for late commits
        Ticket created;
        try (Store theirs = TestStores.open(f.dir, f.clock)) {
            created = theirs.changes().create(null, NewTicket.of("Checkout down in another process", Severity.S1,
                    Channel.EMAIL, f.clock.instant()));
        }
        desk.feed().pollAndDeliver();
        waitFor(() -> w.viewModel().countdowns().stream().anyMatch(t -> t.id() == created.id()));
        assertThat(text(robot, w, "#wallOpenS1")).isEqualTo(Integer.toString(s1Before + 1));
        assertThat(w.viewModel().attention()).extracting(Ticket::id).doesNotContain(created.id());
        assertThat(desk.board().ticket(created.id())).as("the desk's own board follows the same feed").isNotNull();
    }

    @Test
    void theWallboardEntryIsOnlyForLeadsAndAdmins(FxRobot robot) throws Exception {
        f.desk(robot, "agent");
        assertThat(robot.lookup("#menuWallboard").tryQuery()).isEmpty();
        assertThat(f.window.desk().tools().wallboardItem()).isEmpty();
        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(f.window.desk().tools().wallboard()).isEmpty();
    }
}
