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
    @Option(names = "--user", description = "On a team database: sign in as this admin (password in SUPPORTDESK_PASSWORD)")
    String user;

    @Override
    public Integer call() {
        if (CliSupport.team(spec)) {
            // signs in like every command on a team database, then says where a team's backups come from
            try (CliSupport.SignedIn signedIn = CliSupport.signInAdmin(spec, user)) {
                signedIn.store().backups().backupTo(to);
            }
        }
        try (Store store = CliSupport.openStore(spec)) {
            store.backups().backupTo(to);
            spec.commandLine().getOut().println("Backup written to " + to.toAbsolutePath());
            return 0;
        }
    }
}
