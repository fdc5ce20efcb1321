package com.supportdesk.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The main window. For now a placeholder. */
public final class MainWindow {

    public static final String TITLE = "Support Desk";

    public void show(Stage stage) {
        Label label = new Label("Support Desk");
        label.setId("placeholder");
        stage.setTitle(TITLE);
        stage.setScene(new Scene(new StackPane(label), 1280, 720));
        stage.show();
    }
}
