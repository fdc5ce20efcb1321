package com.supportdesk.app;

import com.supportdesk.cli.RootCommand;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.store.Store;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * A child process that holds the embedded database as the desktop does ({@link Wiring#openStore} and
 * {@link Wiring#holdEmbedded}): {@code HoldingDesk DIR SUBJECT} creates a ticket, prints READY and waits to be killed.
 */
public final class HoldingDesk {

    public static void main(String[] args) throws Exception {
        RootCommand root = new RootCommand(options -> {
        });
        new CommandLine(root).parseArgs("--data-dir", args[0]);
        Wiring wiring = new Wiring(Map.of(), Clock.systemUTC());
        Store store = wiring.openStore(root.global());
        store.changes().create(null, NewTicket.of(args[1], Severity.S2, Channel.AGENT, Clock.systemUTC().instant()));
        AutoCloseable holder = wiring.holdEmbedded(root.global(), store);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
        holder.close();
        store.close();
    }
}
