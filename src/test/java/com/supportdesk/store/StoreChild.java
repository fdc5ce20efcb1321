package com.supportdesk.store;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A child process for store tests. {@code hold DIR}: opens the database and waits. {@code commit DIR N}:
 * commits N tickets, printing each ref as soon as its commit returned, then waits to be killed.
 */
public final class StoreChild {

    public static void main(String[] args) throws Exception {
        Store store = new Store(Database.open(DataLocation.resolve(Path.of(args[1]), null), Clock.systemUTC()),
                new Passwords(1_000), ZoneOffset.UTC);
        if (args[0].equals("commit")) {
            int n = Integer.parseInt(args[2]);
            for (int i = 0; i < n; i++) {
                Ticket t = store.changes().create(null, NewTicket.of("durable " + i, Severity.S1, Channel.AGENT,
                        Instant.parse("2026-11-25T10:00:00Z")));
                System.out.println(t.ref());
                System.out.flush();
            }
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
