package com.supportdesk.cli;

import com.supportdesk.store.Store;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent online backup of the database to a zip file.")
public final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--to", required = true, paramLabel = "FILE.zip")
    Path to;

    @Override
    public Integer call() {
        try (Store store = CliSupport.openStore(spec)) {
            store.backups().backupTo(to);
            spec.commandLine().getOut().println("Backup written to " + to.toAbsolutePath());
            return 0;
        }
    }
}
