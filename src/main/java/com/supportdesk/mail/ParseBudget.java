package com.supportdesk.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;

/**
 * The time one message may take to read. The parser checks it between parts, on every read of a part's content
 * and every thousand HTML nodes, so a message that is slow for any reason stops with {@link Exceeded} soon after
 * its time is up (and also when the reading thread is interrupted), instead of holding up the mail behind it.
 * One budget per message; not shared between threads.
 */
final class ParseBudget {

    /** No limit (for callers that read a single message on their own thread, e.g. tests of the parts). */
    static final ParseBudget NONE = new ParseBudget(null);

    /** Thrown where a check finds the time used up. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private final Duration limit;
    private final long deadline;

    private ParseBudget(Duration limit) {
        this.limit = limit;
        this.deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
    }

    /** A budget of {@code limit} from now. */
    static ParseBudget of(Duration limit) {
        return new ParseBudget(limit);
    }

    /** @throws Exceeded when the time is up or the thread was interrupted */
    void check() {
        if (limit == null) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new Exceeded("Reading the message was stopped.");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new Exceeded("Reading the message took longer than " + seconds(limit) + ".");
        }
    }

    /** The stream, checking the budget on every read. */
    InputStream stream(InputStream in) {
        if (limit == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check();
                return super.read(b, off, len);
            }
        };
    }

    /** A reader over the text, checking the budget on every read (jsoup reads its input in blocks). */
    Reader reader(String text) {
        return new StringReader(text) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                check();
                return super.read(cbuf, off, len);
            }

            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }
        };
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
