package com.supportdesk.cli;

import com.supportdesk.mail.IntakeProgress;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The progress line {@code ingest --once} keeps up to date on standard error while it imports, when it runs in a
 * terminal: {@code importing 1,200 of 5,000 messages · 812/s · about 5 s left}, rewritten in place (carriage return)
 * at most every {@link #EVERY_NANOS}, and ended with a line break when the import is done. Not in a terminal (a
 * script, a pipe, a log file) nothing is printed, so the output stays the one summary line.
 */
final class ProgressLine implements IntakeProgress.Listener {

    static final long EVERY_NANOS = 250_000_000L;

    private final boolean terminal;
    private final PrintWriter err;
    private final LongSupplier nanos;
    private long lastPrinted;
    private int width;
    private boolean printed;

    private ProgressLine(boolean terminal, PrintWriter err, LongSupplier nanos) {
        this.terminal = terminal;
        this.err = err;
        this.nanos = nanos;
    }

    /** A progress line on {@code err} when {@code terminal} (the command runs in a terminal), else one that prints nothing. */
    static ProgressLine of(boolean terminal, PrintWriter err, LongSupplier nanos) {
        return new ProgressLine(terminal, err, nanos);
    }

    /** Whether this process runs in a terminal (the Java runtime's own check). */
    static boolean inTerminal() {
        return System.console() != null;
    }

    /** {@code importing 1,200 of 5,000 messages · 812/s · about 5 s left}. */
    static String text(IntakeProgress p) {
        return "importing " + p.text();
    }

    @Override
    public void progress(IntakeProgress p) {
        if (!terminal) {
            return;
        }
        long now = nanos.getAsLong();
        boolean last = p.done() >= p.waiting();
        if (printed && !last && now - lastPrinted < EVERY_NANOS) {
            return;
        }
        String line = text(p);
        // spaces wipe what is left of a longer previous line
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
        lastPrinted = now;
        printed = true;
    }

    /** Ends the line (so the summary starts on a line of its own); nothing when nothing was printed. */
    void finish() {
        if (printed) {
            err.println();
            err.flush();
            printed = false;
        }
    }
}
