package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.ui.admin.DeskFixture;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.signin.SignInGate;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * The main window's alerts through the OS (a recording stand-in for the tray: the tests run headless): a new S1 reaches
 * the notification centre with a sensitive ticket named by ref and placeholder only, a click brings the desk forward
 * with the ticket selected, the icon follows the count at risk; without the OS the desk's own popups show them.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SystemAlertsFxTest {

    @TempDir
    static Path shared;

    final DeskFixture fixture = new DeskFixture(); // Wednesday 11 March 2026, 11:00 GMT: the desk is open
    MutableClock clock;
    Path dir;
    Store store;
    Stage stage;
    MainWindow window;
    UiTaskExecutor executor;
    final AlertRouterTest.RecordingOs os = new AlertRouterTest.RecordingOs();
    final List<Notifier.Alert> inWindow = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        fixture.start(shared, stage, f -> new MainWindow.Services(f.clock, ZoneOffset.UTC, f.executor,
                WindowStateStore.NONE, new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, f.executor), (agent, ticket) -> { },
                inWindow::add, os));
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

    private DeskView desk(String username) throws Exception {
        Agent a = store.agents().findByUsername(username).orElseThrow();
        DeskView desk = WaitForAsyncUtils.asyncFx(() -> window.showDesk(store, a)).get().get(15, TimeUnit.SECONDS);
        waitFor(() -> desk.board().size() > 0 && !desk.board().loadingProperty().get());
        return desk;
    }

    private List<Ticket> arrive(DeskView desk, NewTicket... tickets) throws Exception {
        List<Ticket> made = new ArrayList<>();
        for (NewTicket n : tickets) {
            made.add(store.changes().create(null, n));
        }
        List<Ticket> seen = store.tickets().byIds(desk.session().agent(), made.stream().map(Ticket::id).toList());
        WaitForAsyncUtils.asyncFx(() -> desk.applyAll(seen)).get();
        return made;
    }

    @Test
    void aNewS1ReachesTheOsNamingASensitiveTicketByRefOnlyAndAClickSelectsIt(FxRobot robot) throws Exception {
        DeskView desk = desk("lead"); // cleared: the desk's own window would show the subject
        List<Ticket> t = arrive(desk,
                NewTicket.of("OFFICIAL-SENSITIVE benefits data leak", Severity.S1, Channel.EMAIL, clock.instant())
                        .withClassification(Classification.OFFICIAL_SENSITIVE),
                NewTicket.of("Checkout down for everyone", Severity.S1, Channel.EMAIL, clock.instant()));
        Ticket secret = t.get(0);
        Ticket plain = t.get(1);

        assertThat(inWindow).isEmpty();
        assertThat(os.shown).extracting(Notifier.Alert::title)
                .containsExactly("New S1 ticket " + secret.ref(), "New S1 ticket " + plain.ref());
        assertThat(os.shown.get(0).text()).isEqualTo(Ticket.PLACEHOLDER);
        assertThat(os.shown.get(1).text()).contains("Checkout down for everyone");

        robot.interact(() -> stage.setIconified(true));
        robot.interact(() -> os.clicks.get(0).run());
        waitFor(() -> !stage.isIconified() && desk.board().selectedProperty().get() != null
                && desk.board().selectedProperty().get().id() == secret.id());
    }

    @Test
    void theTrayIconFollowsTheCountAtRiskAndIsClearedOnSignOut(FxRobot robot) throws Exception {
        DeskView desk = desk("agent");
        waitFor(() -> !os.atRisk.isEmpty()
                && os.atRisk.get(os.atRisk.size() - 1).startsWith(desk.board().atRiskProperty().get() + " "));
        int before = desk.board().atRiskProperty().get();
        // an unassigned S1 that came in 50 business minutes ago: at risk as soon as it is on the board
        arrive(desk, NewTicket.of("Invoices missing", Severity.S1, Channel.PHONE, clock.instant().minusSeconds(50 * 60)));
        assertThat(desk.board().atRiskProperty().get()).isEqualTo(before + 1);
        assertThat(os.atRisk.get(os.atRisk.size() - 1)).isEqualTo((before + 1) + " Support Desk \u2014 " + (before + 1)
                + (before + 1 == 1 ? " ticket" : " tickets") + " at risk");

        robot.interact(() -> window.showSignIn(SignInGate.embedded(store), false, null, s -> { }));
        assertThat(os.atRisk.get(os.atRisk.size() - 1)).isEqualTo("0 Support Desk \u2014 no tickets at risk");
    }

    @Test
    void withoutANotificationCentreTheDesksOwnPopupsShowTheAlerts(FxRobot robot) throws Exception {
        os.available = false;
        DeskView desk = desk("agent"); // not cleared
        arrive(desk, NewTicket.of("OFFICIAL-SENSITIVE benefits data leak", Severity.S1, Channel.EMAIL, clock.instant())
                .withClassification(Classification.OFFICIAL_SENSITIVE));
        assertThat(os.shown).isEmpty();
        assertThat(inWindow).singleElement().satisfies(a -> {
            assertThat(a.text()).contains(Ticket.PLACEHOLDER).doesNotContain("benefits");
        });
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
