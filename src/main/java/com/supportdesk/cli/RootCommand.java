package com.supportdesk.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code support-desk}: with no subcommand opens the desktop window, otherwise runs headless. */
@Command(name = "support-desk", mixinStandardHelpOptions = true, version = "Support Desk 0.1.0",
        description = "Support Desk: severity board, business-hours response clock and e-mail intake.",
        subcommands = {SlaCommand.class, AgentCommand.class, CustomerCommand.class, ContactCommand.class,
                TicketCommand.class, ChatCommand.class, ExportCommand.class, BackupCommand.class, TeamCommand.class,
                WatchCommand.class, AuditCommand.class, TrainingCommand.class, OutageCommand.class, ReportCommand.class,
                IngestCommand.class, MailCommand.class, TemplateCommand.class})
public final class RootCommand implements Callable<Integer> {

    /** Exit status meaning "the desktop window has been started; do not exit the JVM". */
    public static final int GUI_STARTED = -1;

    /** Opens the desktop window. Implemented in the app layer so that this package stays FX-free. */
    public interface DesktopStarter {
        void start(GlobalOptions options);
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

    @Override
    public Integer call() {
        desktop.start(global);
        return GUI_STARTED;
    }
}
