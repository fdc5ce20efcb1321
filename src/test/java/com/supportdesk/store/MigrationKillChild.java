package com.supportdesk.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the database in a child JVM with the test migration {@code db/pause-for-kill}, which stops half-way when the
 * child runs with {@code -DpauseForKill=true} and prints PAUSED, so {@link MigrationInterruptedTest} can kill it there.
 */
public final class MigrationKillChild {

    private MigrationKillChild() {
    }

    public static void main(String[] args) throws Exception {
        Database.open(DataLocation.resolve(Path.of(args[0]), null), Clock.systemUTC(), MigrationInterruptedTest.PAUSE)
                .close();
        System.out.println("MIGRATED"); // not reached while paused
    }

    /** Called by the test migration through an H2 alias: waits to be killed when asked to. */
    public static void pauseIfAsked() throws InterruptedException {
        if (Boolean.getBoolean("pauseForKill")) {
            System.out.println("PAUSED");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
