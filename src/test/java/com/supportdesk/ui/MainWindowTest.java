package com.supportdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow().show(stage);
    }

    @Test
    void showsTitledWindow(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Support Desk");
        assertThat(stage.isShowing()).isTrue();
        assertThat(robot.lookup("#placeholder").queryAs(Label.class).getText()).isEqualTo("Support Desk");
    }
}
