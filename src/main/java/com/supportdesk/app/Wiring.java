package com.supportdesk.app;

import com.supportdesk.cli.RootCommand;
import picocli.CommandLine;

/** The one place where the application's objects are constructed and connected. */
public final class Wiring {

    public CommandLine commandLine(RootCommand.DesktopStarter desktop) {
        RootCommand root = new RootCommand(desktop);
        CommandLine cli = new CommandLine(root);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }
}
