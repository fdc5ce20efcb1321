package com.supportdesk.app;

import com.supportdesk.cli.CallCommand;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.FolderMove;
import com.supportdesk.store.OsFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
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
        MailSystemProperties.install();
        // before anything opens a file there: the OS folders of earlier desks move once (Windows: Roaming to Local)
        List<String> moved = moveFoldersOnce(args, OsFolders.current());
        configureLogging(args);
        moved.forEach(m -> LoggerFactory.getLogger(Launcher.class).info("{}", m));
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

    /** Points the log files at the data folder's log folder before the first logger is created. */
    static void configureLogging(String[] args) {
        if (System.getProperty("supportdesk.logdir") != null) {
            return;
        }
        String dir = option(args, "--data-dir");
        boolean demo = Arrays.stream(args).anyMatch(a -> a.equals("--demo") || a.startsWith("--demo-tickets"));
        Path dataDir = dir != null ? Path.of(dir)
                : demo && option(args, "--db-url") == null ? DataLocation.defaultDemoDir() : null;
        System.setProperty("supportdesk.logdir", DataLocation.resolve(dataDir, null).logDir().toString());
    }

    /**
     * Moves, once, what earlier desks kept elsewhere ({@link OsFolders#moves()}: on Windows the data folder from Roaming
     * to Local, on macOS the logs to ~/Library/Logs), copy, verify, then switch ({@link FolderMove}). Nothing with
     * {@code --data-dir} (the folder is the one given), nothing while a desk has the folder open. Returns what to log.
     */
    static List<String> moveFoldersOnce(String[] args, OsFolders os) {
        if (option(args, "--data-dir") != null) {
            return List.of();
        }
        List<String> said = new ArrayList<>();
        for (OsFolders.Move m : os.moves()) {
            FolderMove.Outcome o = FolderMove.moveOnce(m.from(), m.to(), Launcher::inUse, FolderMove.Watcher.NONE);
            if (o.result() != FolderMove.Result.NOTHING_TO_DO) {
                said.add(m.what() + ": " + o.message());
            }
        }
        return said;
    }

    /** A desk (or the mail gateway) has this folder open, or the data folder it is in (for its logs). */
    static boolean inUse(Path dir) {
        for (Path d : dir.getParent() == null ? List.of(dir) : List.of(dir, dir.getParent())) {
            if (FolderMove.databaseOpen(d) || DeskChannel.answers(d.resolve(DeskChannel.SOCKET))) {
                return true;
            }
        }
        return false;
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return null;
    }
}
