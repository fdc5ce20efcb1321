package com.supportdesk.ui.lead;

import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.Theme;
import com.supportdesk.ui.common.Ticker;
import java.time.Clock;
import java.util.Collection;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The wallboard's own window, so it can live full screen on a wall display (or a second monitor) while the desk
 * stays usable. F11 switches full screen on and off; Esc closes the wallboard. It shares the desk's ticker and
 * receives the desk's change-feed batches through {@link #apply}.
 */
public final class WallboardWindow {

    public static final String TITLE = "Support Desk \u2014 Wallboard";

    private final Stage stage = new Stage();
    private final WallboardViewModel vm;
    private final WallboardView view;

    public WallboardWindow(Window owner, Session session, TaskExecutor executor, Clock clock, Ticker ticker,
                           ObservableStringValue feedStatus) {
        vm = new WallboardViewModel(session, executor, clock);
        view = new WallboardView(vm, ticker, new Countdown(session.zone()), feedStatus);
        Scene scene = new Scene(view, 1280, 720);
        Theme.apply(scene);
        scene.setFill(Theme.WALLBOARD_FILL);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            } else if (DeskAction.WALLBOARD.accelerator().filter(k -> k.match(e)).isPresent()) {
                e.consume();
                setFullScreen(!isFullScreen());
            }
        });
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        if (owner instanceof Stage s) {
            stage.getIcons().setAll(s.getIcons());
        }
        stage.setOnHidden(e -> view.dispose());
    }

    /**
     * Monocle (headless tests, embedded kiosks) has no dependable full-screen mode — its full-screen overlay can outlive
     * the window and stall rendering — so there the wallboard fills the screen as a maximized window instead.
     */
    static boolean fullScreenSupported() {
        return !"Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
    }

    /** Full screen (or, without full-screen support, maximized) on and off. */
    public void setFullScreen(boolean on) {
        if (fullScreenSupported()) {
            stage.setFullScreen(on);
        } else {
            stage.setMaximized(on);
        }
    }

    public boolean isFullScreen() {
        return fullScreenSupported() ? stage.isFullScreen() : stage.isMaximized();
    }

    /** Shows the wallboard (full screen when asked) and loads it. */
    public void show(boolean fullScreen) {
        setFullScreen(fullScreen);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        vm.load();
    }

    public void apply(Collection<Ticket> fresh) {
        vm.apply(fresh);
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }

    public WallboardViewModel viewModel() {
        return vm;
    }

    public WallboardView view() {
        return view;
    }
}
