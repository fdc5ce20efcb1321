package com.supportdesk.app;

import com.supportdesk.cli.RootCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code support-desk.jar}. Deliberately not a JavaFX {@code Application}: with a
 * subcommand the process stays headless and never initialises the FX toolkit; without one it hands
 * over to {@link DesktopLauncher}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int exit = run(args);
        if (exit != RootCommand.GUI_STARTED) {
            System.exit(exit);
        }
    }

    /** Runs the command line; returns the exit status or {@link RootCommand#GUI_STARTED}. */
    public static int run(String[] args) {
        Wiring wiring = new Wiring();
        CommandLine cli = wiring.commandLine(new DesktopLauncher(wiring));
        return cli.execute(args);
    }
}
