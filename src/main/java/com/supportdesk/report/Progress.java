package com.supportdesk.report;

import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

/**
 * Reports progress 0..1 to a caller's callback, mapped into a sub-range of the whole job; stops the job with
 * {@link CancellationException} when the working thread has been interrupted (a UI task was cancelled).
 */
final class Progress {

    private static final DoubleConsumer NONE = x -> { };

    private final DoubleConsumer sink;
    private final double from;
    private final double to;

    private Progress(DoubleConsumer sink, double from, double to) {
        this.sink = sink;
        this.from = from;
        this.to = to;
    }

    static Progress of(DoubleConsumer callback) {
        return new Progress(callback == null ? NONE : callback, 0, 1);
    }

    /** Reports {@code fraction} (0..1) of this range done. */
    void at(double fraction) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("The report was cancelled.");
        }
        sink.accept(from + (to - from) * Math.max(0, Math.min(1, fraction)));
    }

    /** The part {@code [a, b]} (fractions of this range) as a range of its own. */
    Progress part(double a, double b) {
        return new Progress(sink, from + (to - from) * a, from + (to - from) * b);
    }

    DoubleConsumer asConsumer() {
        return this::at;
    }
}
