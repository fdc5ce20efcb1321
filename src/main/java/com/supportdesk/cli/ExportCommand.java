package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.report.TicketExporter;
import com.supportdesk.store.DiskSpace;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every ticket the signed-in agent may see (placeholders for Official Sensitive"
                + " tickets without clearance; without --user nobody is signed in and sees no sensitive content).")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json")
    String format;
    @Option(names = "--user", description = "Export as this agent (password in SUPPORTDESK_PASSWORD)")
    String user;
    @Option(names = "--out", paramLabel = "FILE", description = "Write to a file instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        TicketExporter.Format f;
        try {
            f = TicketExporter.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Unknown format '" + format + "' (expected csv or json)");
        }
        try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
            Store store = signedIn.store();
            Agent reader = signedIn.reader();
            TicketExporter exporter = new TicketExporter(store.tickets());
            if (out != null) {
                long n;
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    n = exporter.export(reader, f, w);
                } catch (IOException | UncheckedIOException e) {
                    Path folder = out.toAbsolutePath().getParent();
                    Optional<StoreException.DiskFull> full =
                            DiskSpace.SYSTEM.diskFull(e, folder == null ? out.toAbsolutePath() : folder);
                    if (full.isPresent()) {
                        throw full.get();
                    }
                    throw e;
                }
                spec.commandLine().getErr().println("Exported " + n + " tickets to " + out.toAbsolutePath());
            } else {
                PrintWriter pw = spec.commandLine().getOut();
                Writer w = new BufferedWriter(pw);
                exporter.export(reader, f, w);
                w.flush();
            }
            return 0;
        }
    }

}
