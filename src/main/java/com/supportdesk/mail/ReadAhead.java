package com.supportdesk.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded hand-off between the thread that fetches and reads messages and the thread that stores them (see
 * {@link MailIntake}): at most {@code maxMessages} messages and {@code maxBytes} of raw mail wait in it, so what is
 * read ahead is bounded by the grouping's setting, not by the mailbox (one message larger than {@code maxBytes} on its
 * own passes when nothing else waits). Items come out in the order they went in.
 *
 * <p>The reading side ends it with {@link #end(Throwable)}; the storing side takes until {@link #take()} returns null,
 * and {@link #close()} stops both sides and hands back what was not taken (for the caller to release).
 */
final class ReadAhead<T> {

    private record Entry<T>(T item, long size) {
    }

    private final long maxBytes;
    private final int maxMessages;
    private final ArrayDeque<Entry<T>> queue = new ArrayDeque<>();
    private long bytes;
    private long peakBytes;
    private int peakMessages;
    private boolean ended;
    private boolean closed;
    private Throwable failure;
    private T finished;

    ReadAhead(long maxBytes, int maxMessages) {
        if (maxBytes < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("a read-ahead holds at least one message");
        }
        this.maxBytes = maxBytes;
        this.maxMessages = maxMessages;
    }

    /**
     * Adds an item of {@code size} raw bytes, waiting while the hand-off is full. Returns false (and does not add it)
     * once it was closed: the caller still owns the item.
     */
    synchronized boolean put(T item, long size) throws InterruptedException {
        while (!closed && !queue.isEmpty() && (queue.size() >= maxMessages || bytes + size > maxBytes)) {
            wait();
        }
        if (closed) {
            return false;
        }
        queue.add(new Entry<>(item, size));
        bytes += size;
        peakBytes = Math.max(peakBytes, bytes);
        peakMessages = Math.max(peakMessages, queue.size());
        notifyAll();
        return true;
    }

    /**
     * Waits until the storing side says it is done with {@code item} ({@link #done}), for a message that must be
     * read while nothing else is (the storing side reads it under a mark). Returns false once closed.
     */
    synchronized boolean awaitDone(T item) throws InterruptedException {
        while (!closed && finished != item) {
            wait();
        }
        return !closed;
    }

    /** The storing side is done with an item (see {@link #awaitDone}). */
    synchronized void done(T item) {
        finished = item;
        notifyAll();
    }

    /** The next item, waiting for one; null once the reading side ended and all was taken, or after {@link #close()}. */
    synchronized T take() throws InterruptedException {
        while (queue.isEmpty() && !ended && !closed) {
            wait();
        }
        if (closed || queue.isEmpty()) {
            return null;
        }
        Entry<T> e = queue.poll();
        bytes -= e.size();
        notifyAll();
        return e.item();
    }

    /** The reading side is done: normally ({@code failure} null) or because of {@code failure}. */
    synchronized void end(Throwable failure) {
        ended = true;
        this.failure = failure;
        notifyAll();
    }

    /** Why the reading side ended early, or null. */
    synchronized Throwable failure() {
        return failure;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Stops both sides; returns the items that were not taken, oldest first. */
    synchronized List<T> close() {
        closed = true;
        List<T> left = new ArrayList<>(queue.size());
        for (Entry<T> e : queue) {
            left.add(e.item());
        }
        queue.clear();
        bytes = 0;
        notifyAll();
        return left;
    }

    /** Most raw bytes that waited at one time. */
    synchronized long peakBytes() {
        return peakBytes;
    }

    /** Most messages that waited at one time. */
    synchronized int peakMessages() {
        return peakMessages;
    }
}
