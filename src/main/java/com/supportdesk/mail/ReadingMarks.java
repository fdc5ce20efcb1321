package com.supportdesk.mail;

import com.supportdesk.store.SettingsRepository;
import com.supportdesk.store.Tx;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Remembers, in the database, which message an intake is reading, so that a message that ended the program while
 * it was read (the process ran out of memory, crashed or was killed) is not read again after a restart, where it
 * would end it again: it goes to the quarantine instead and the rest of the mailbox flows.
 *
 * <p>Before a message is read a mark {@code intake.reading.<sha256>} = {@code <host> <pid> <epoch ms>} is committed;
 * the message's own transaction removes it. A mark left by another process means that process did not finish the
 * message: on this machine when that process no longer runs, on another machine once the mark is older than
 * {@code stale} (until then that desk may still be reading it; team desks all fetch the same mailbox). A mark of
 * this process is never taken for a crash (this process is alive: its failures are counted as attempts).
 *
 * <p>Marks live in {@code app_setting} (plain key/value text, no schema of their own) and name no mail content.
 */
final class ReadingMarks {

    static final String PREFIX = "intake.reading.";

    private static final String HOST = host();
    private static final long PID = ProcessHandle.current().pid();

    private final SettingsRepository settings;
    private final Clock clock;
    private final Duration stale;

    ReadingMarks(SettingsRepository settings, Clock clock, Duration stale) {
        this.settings = settings;
        this.clock = clock;
        this.stale = stale;
    }

    /**
     * Called before a message is read: empty when it may be read (a mark is then committed), else a plain sentence
     * saying that an earlier reading of it never finished.
     */
    Optional<String> begin(Tx tx, String sha256) {
        Optional<String> mark = settings.get(tx, PREFIX + sha256);
        if (mark.isPresent() && diedReading(mark.get())) {
            return Optional.of("Reading this message stopped the program before it was done (it may need more"
                    + " memory than the desk has); it was kept here so the rest of the mailbox could be read.");
        }
        settings.put(tx, PREFIX + sha256, HOST + " " + PID + " " + clock.millis());
        return Optional.empty();
    }

    /** Called in the transaction that stored the message (or its quarantine entry). */
    void finish(Tx tx, String sha256) {
        settings.put(tx, PREFIX + sha256, null);
    }

    private boolean diedReading(String mark) {
        String[] parts = mark.split(" ");
        if (parts.length != 3) {
            return true; // not a mark this code wrote: nothing says the reading ended
        }
        long pid;
        long at;
        try {
            pid = Long.parseLong(parts[1]);
            at = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return true;
        }
        if (parts[0].equals(HOST)) {
            return pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        return clock.millis() - at > stale.toMillis();
    }

    private static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            name = System.getenv().getOrDefault("COMPUTERNAME", System.getenv().getOrDefault("HOSTNAME", "localhost"));
        }
        return name.isBlank() ? "localhost" : name.replace(' ', '_');
    }
}
