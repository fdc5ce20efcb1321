package com.supportdesk.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code support-desk}: with no subcommand opens the desktop window, otherwise runs headless. */
@Command(name = "support-desk", mixinStandardHelpOptions = true, version = "Support Desk 0.1.0",
        description = "Support Desk: severity board, business-hours response clock and e-mail intake.",
        subcommands = {SlaCommand.class, AgentCommand.class, CustomerCommand.class, ContactCommand.class,
                TicketCommand.class, ChatCommand.class, ExportCommand.class, BackupCommand.class, TeamCommand.class,
                WatchCommand.class, AuditCommand.class, TrainingCommand.class, OutageCommand.class, ReportCommand.class,
                IngestCommand.class, MailCommand.class, TemplateCommand.class, CallCommand.class})
public final class RootCommand implements Callable<Integer> {

    /** Exit status meaning "the desktop window has been started; do not exit the JVM". */
    public static final int GUI_STARTED = -1;

    /** Opens the desktop window. Implemented in the app layer so that this package stays FX-free. */
    public interface DesktopStarter {
        void start(GlobalOptions options);

        /**
         * Opens the desk, or hands over to the one already running for this OS user and data folder (it comes
         * forward; with {@code call}, it opens the call console for that call). Returns the exit status, or
         * {@link #GUI_STARTED} when this process now runs the desk.
         *
         * @param call an incoming call to open the console for, or null
         */
        default int launch(GlobalOptions options, List<String> args, com.supportdesk.phone.IncomingCall call) {
            start(options);
            return GUI_STARTED;
        }
    }

    @Mixin
    GlobalOptions global = new GlobalOptions();

    private final DesktopStarter desktop;
    private final StoreOpener storeOpener;
    private final Map<String, String> environment;

    public RootCommand(DesktopStarter desktop) {
        this(desktop, options -> {
            throw new IllegalStateException("no store configured");
        }, System.getenv());
    }

    public RootCommand(DesktopStarter desktop, StoreOpener storeOpener, Map<String, String> environment) {
        this.desktop = desktop;
        this.storeOpener = storeOpener;
        this.environment = environment;
    }

    public GlobalOptions global() {
        return global;
    }

    StoreOpener storeOpener() {
        return storeOpener;
    }

    Map<String, String> environment() {
        return environment;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return desktop.launch(global, spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs(), null);
    }

    DesktopStarter desktop() {
        return desktop;
    }
}
