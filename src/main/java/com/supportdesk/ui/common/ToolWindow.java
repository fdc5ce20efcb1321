package com.supportdesk.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window for one of the lead and admin tools (policy, agents, customers, training, outages, audit): the desk's
 * {@link Theme}, the app's icons, sized to fit a 1280×720 screen. Ctrl+W ({@link DeskAction#CLOSE_TOOL_WINDOW}) closes
 * it.
 */
public final class ToolWindow {

    private final Stage stage = new Stage();

    public ToolWindow(Window owner, String title, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        ActionFactory.install(scene, DeskAction.CLOSE_TOOL_WINDOW, stage::close);
        Theme.dress(stage, scene, owner);
        stage.setTitle(Theme.title(title));
        stage.setMinWidth(Math.min(width, 900));
        stage.setMinHeight(Math.min(height, 560));
    }

    public ToolWindow show() {
        stage.show();
        stage.toFront();
        stage.requestFocus();
        return this;
    }

    public Stage stage() {
        return stage;
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.close();
    }
}
