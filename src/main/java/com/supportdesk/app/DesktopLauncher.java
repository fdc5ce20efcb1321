package com.supportdesk.app;

import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.ui.MainWindow;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts the JavaFX toolkit and shows the main window (only when no subcommand was given). */
final class DesktopLauncher implements RootCommand.DesktopStarter {

    private final Wiring wiring;

    DesktopLauncher(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void start(GlobalOptions options) {
        Platform.setImplicitExit(true);
        Platform.startup(() -> new MainWindow().show(new Stage()));
    }
}
