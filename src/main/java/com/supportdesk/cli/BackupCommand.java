package com.supportdesk.cli;

import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.nio.file.Path;
import java.util.Map;
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
        Store store;
        try {
            store = CliSupport.openStore(spec);
        } catch (StoreException.DatabaseInUse inUse) {
            // a desktop or the mail gateway has it open: ask that process, over the local user-only channel
            RootCommand root = CliSupport.root(spec);
            String done = root.storeOpener().askHolder(root.global(), "backup",
                    Map.of("to", to.toAbsolutePath().toString())).orElseThrow(() -> inUse);
            spec.commandLine().getOut().println(done);
            return 0;
        }
        try (store) {
            store.backups().backupTo(to);
            spec.commandLine().getOut().println("Backup written to " + to.toAbsolutePath());
            return 0;
        }
    }
}
