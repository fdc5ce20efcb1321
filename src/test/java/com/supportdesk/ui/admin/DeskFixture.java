package com.supportdesk.ui.admin;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.DeskView;
import com.supportdesk.ui.MainWindow;
import com.supportdesk.ui.WindowStateStore;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo desk under headless Monocle for the lead and admin tools' TestFX tests: a real H2 file, demo data, an
 * injected clock (Wednesday 11 March 2026, 11:00 GMT, desk open), the main window signed in as a chosen agent.
 */
public final class DeskFixture {

    public final MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    public final UiTaskExecutor executor = new UiTaskExecutor("test-db");
    public Path dir;
    public Store store;
    public Stage stage;
    public MainWindow window;
    private Function<DeskFixture, MainWindow.Services> services = DeskFixture::standardServices;

    /** The main window's services most tests use: no window state kept, no mail, no call console, no alerts. */
    public static MainWindow.Services standardServices(DeskFixture f) {
        return new MainWindow.Services(f.clock, ZoneOffset.UTC, f.executor, WindowStateStore.NONE,
                new ReplyComposerDialog(ReplySender.NOT_CONFIGURED, f.executor), (agent, ticket) -> { }, Notifier.NONE);
    }

    public void start(Path parent, Stage stage) throws Exception {
        start(parent, stage, DeskFixture::standardServices);
    }

    /** As {@link #start(Path, Stage)}, the main window with the services {@code services} makes for this fixture. */
    public void start(Path parent, Stage stage, Function<DeskFixture, MainWindow.Services> services) throws Exception {
        this.stage = stage;
        this.services = services;
        dir = Files.createTempDirectory(parent, "desk");
        store = TestStores.open(dir, clock);
        new Wiring(Map.of(), clock).seedDemo(store);
        window = newWindow(stage);
    }

    /** Another main window on {@code stage} with the same services (a restart of the desk, as far as the window goes). */
    public MainWindow newWindow(Stage stage) {
        return new MainWindow(stage, services.apply(this));
    }

    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.close();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w.isShowing()) {
                    w.hide();
                }
            }
            stage.hide();
        }).get();
        executor.close();
        store.close();
    }

    /** Signs in as the agent and waits for the board. */
    public DeskView desk(FxRobot robot, String username) throws Exception {
        Agent a = store.agents().findByUsername(username).orElseThrow();
        DeskView desk = WaitForAsyncUtils.asyncFx(() -> window.showDesk(store, a)).get().get(15, TimeUnit.SECONDS);
        waitFor(() -> desk.board().size() > 0 && !desk.board().loadingProperty().get() && desk.feed() != null);
        robot.interact(() -> stage.requestFocus());
        return desk;
    }

    public static void waitFor(Callable<Boolean> condition) throws Exception {
        // The condition reads state the FX thread changes (observable lists among it): read it on that thread.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text shown by a labelled control (labels, buttons, cells) under the node. */
    public static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
