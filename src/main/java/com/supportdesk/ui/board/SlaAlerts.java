package com.supportdesk.ui.board;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.BusinessCalendar;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.ui.common.Countdown;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Notifications when a ticket assigned to the agent, or unassigned, reaches 50 %, 75 % and 90 % of its
 * response target. Each ticket's crossing instants are computed once (business-time arithmetic) and kept
 * in a priority queue, so a tick only looks at the head: the cost does not grow with open tickets.
 * Only crossings after the ticket was seen fire (no burst of stale alerts at start-up), and only while
 * the desk is open (business hours).
 */
public final class SlaAlerts {

    static final int[] THRESHOLDS = {50, 75, 90};

    private record Due(long at, long ticketId, int version, int percent) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return Long.compare(at, o.at);
        }
    }

    private final Agent me;
    private final ResponseClock clock;
    private final Notifier notifier;
    private final PriorityQueue<Due> queue = new PriorityQueue<>();

    public SlaAlerts(Agent me, ResponseClock clock, Notifier notifier) {
        this.me = me;
        this.clock = clock;
        this.notifier = notifier;
    }

    boolean relevant(Ticket t) {
        return t.isOpen() && t.firstContactAt() == null && (t.assigneeId() == null || t.assigneeId() == me.id());
    }

    /** Schedules the ticket's future crossings (call whenever a ticket is loaded or changed). */
    public void track(Ticket t, long nowSecond) {
        if (!relevant(t)) {
            return;
        }
        long received = t.received().getEpochSecond();
        long target = clock.policy().versionAt(t.received()).targets().secondsOf(t.severity());
        BusinessCalendar cal = clock.policy().calendarAt(t.received());
        for (int p : THRESHOLDS) {
            long at = cal.addBusinessSeconds(received, target * p / 100);
            if (at > nowSecond) {
                queue.add(new Due(at, t.id(), t.version(), p));
            }
        }
    }

    /** Fires the crossings due by {@code nowSecond}; {@code current} maps ids to the latest tickets. */
    public void onTick(long nowSecond, Map<Long, Ticket> current) {
        while (!queue.isEmpty() && queue.peek().at() <= nowSecond) {
            Due d = queue.poll();
            Ticket t = current.get(d.ticketId());
            if (t == null || t.version() != d.version() || !relevant(t)) {
                continue;
            }
            if (!clock.policy().calendarAt(t.received()).isOpen(nowSecond)) {
                continue;
            }
            long left = clock.remainingSeconds(t.severity(), t.received().getEpochSecond(), nowSecond);
            notifier.notify(new Notifier.Alert(t.id(), t.severity(), t.ref() + " at " + d.percent() + " % of its response time",
                    Countdown.severityText(t.severity()) + " \u00b7 " + Countdown.hm(left) + " left \u00b7 "
                            + (t.assigneeId() == null ? "unassigned" : "assigned to you") + "\n" + t.subject()));
        }
    }

    int pending() {
        return queue.size();
    }
}
