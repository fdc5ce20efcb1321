package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.MainWindow;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
import picocli.CommandLine;

/** The desktop as launched: --demo on a real desk adds nothing and says why; on an unused folder it opens the demo. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DesktopLauncherFxTest {

    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(); // shuts the launcher's databases and executor down (the toolkit stays up for the next test)
    }

    private MainWindow launch(String... args) throws Exception {
        GlobalOptions options = CommandLine.populateCommand(new GlobalOptions(), args);
        DesktopLauncher launcher = new DesktopLauncher(new Wiring(Map.of(), clock));
        return WaitForAsyncUtils.asyncFx(() -> launcher.open(options, stage, () -> { })).get(15, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void demoOnADeskThatHasAgentsAddsNothingAndTheSignInScreenSaysWhy(FxRobot robot) throws Exception {
        Path real = dir.resolve("real");
        try (Store store = TestStores.open(real, clock)) {
            TestStores.admin(store);
        }
        launch("--data-dir", real.toString(), "--demo");
        waitFor(() -> robot.lookup("#signInMessage").tryQuery().isPresent()
                && !robot.lookup("#signInMessage").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#signInMessage").queryAs(Label.class).getText())
                .isEqualTo(DesktopLauncher.DEMO_IGNORED);
        // no demo passwords advertised on a real desk, and nothing was added to it
        assertThat(robot.lookup("#demoHint").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#mainBoard").tryQuery()).isEmpty();
        assertThat(stage.getTitle()).doesNotContain("DEMO");
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        try (Store store = TestStores.open(real, clock)) {
            assertThat(store.agents().count()).isEqualTo(1);
            assertThat(store.history().lastEventId()).isZero();
            assertThat(store.database().location().demo()).isFalse();
        }
    }

    @Test
    void demoOnAnUnusedFolderOpensTheDemoDeskSignedInAsTheLead(FxRobot robot) throws Exception {
        launch("--data-dir", dir.resolve("fresh").toString(), "--demo");
        waitFor(() -> robot.lookup("#mainBoard").tryQuery().isPresent());
        waitFor(() -> robot.lookup("#signedInAs").tryQuery().isPresent()
                && robot.lookup("#signedInAs").queryAs(Label.class).getText().startsWith("Lee Adams"));
        assertThat(stage.getTitle()).isEqualTo("Support Desk \u2014 DEMO");
    }
}
