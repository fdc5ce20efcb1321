package com.supportdesk.app;

import com.supportdesk.cli.CallCommand;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.store.DataLocation;
import java.nio.file.Path;
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
        // Jakarta Mail reads its lenient parsing properties once, when it loads: set them first.
        com.supportdesk.mail.MailSystemProperties.install();
        configureLogging(args);
        int exit = run(args);
        if (exit != RootCommand.GUI_STARTED) {
            System.exit(exit);
        }
    }

    /** Runs the command line; returns the exit status or {@link RootCommand#GUI_STARTED}. */
    public static int run(String[] args) {
        Wiring wiring = new Wiring();
        CommandLine cli = wiring.commandLine(new DesktopLauncher(wiring));
        // a tel:/callto:/sip: link (how the installers' link handlers start the desk) is an incoming call
        return cli.execute(CallCommand.readLinks(args));
    }

    /** Points the log files at the data folder before the first logger is created. */
    static void configureLogging(String[] args) {
        if (System.getProperty("supportdesk.logdir") != null) {
            return;
        }
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data-dir=")) {
                dataDir = Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        System.setProperty("supportdesk.logdir", DataLocation.resolve(dataDir, null).logDir().toString());
    }
}
