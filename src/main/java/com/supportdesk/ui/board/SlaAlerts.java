package com.supportdesk.ui.board;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.BusinessCalendar;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.ui.common.Countdown;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Notifications when a ticket assigned to the agent, or unassigned, reaches 50 %, 75 % and 90 % of its
 * response target. Each ticket's crossing instants are computed once (business-time arithmetic) and kept
 * in a priority queue, so a tick only looks at the head: the cost does not grow with open tickets.
 * Only crossings after the ticket was seen fire (no burst of stale alerts at start-up), and only while
 * the desk is open (business hours).
 *
 * <p>It also counts those tickets <em>at risk</em> — 25 % of the target or less left, or overdue, as on the
 * wallboard — for the tray or menu-bar icon: the moment each one crosses into risk is computed once too.
 */
public final class SlaAlerts {

    static final int[] THRESHOLDS = {50, 75, 90};

    private record Due(long at, long ticketId, int version, int percent) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return Long.compare(at, o.at);
        }
    }

    /** A tracked ticket crosses into risk (25 % or less left) at {@code at}. */
    private record Risk(long at, long ticketId, int version) implements Comparable<Risk> {
        @Override
        public int compareTo(Risk o) {
            return Long.compare(at, o.at);
        }
    }

    private final Agent me;
    private final ResponseClock clock;
    private final Notifier notifier;
    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    /** The version of each relevant ticket last tracked (stale queue entries are skipped). */
    private final Map<Long, Integer> tracked = new HashMap<>();
    private final PriorityQueue<Risk> risks = new PriorityQueue<>();
    private final Set<Long> atRisk = new HashSet<>();

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
        forget(t.id());
        if (!relevant(t)) {
            return;
        }
        tracked.put(t.id(), t.version());
        long received = t.received().getEpochSecond();
        long target = clock.policy().versionAt(t.received()).targets().secondsOf(t.severity());
        BusinessCalendar cal = clock.policy().calendarAt(t.received());
        for (int p : THRESHOLDS) {
            long at = cal.addBusinessSeconds(received, target * p / 100);
            if (at > nowSecond) {
                queue.add(new Due(at, t.id(), t.version(), p));
            }
        }
        long riskAt = cal.addBusinessSeconds(received, target - target / 4);
        if (riskAt <= nowSecond) {
            atRisk.add(t.id());
        } else {
            risks.add(new Risk(riskAt, t.id(), t.version()));
        }
    }

    /** The ticket left the board (or is about to be tracked again): it no longer counts. */
    public void forget(long ticketId) {
        tracked.remove(ticketId);
        atRisk.remove(ticketId);
    }

    /** Everything is loaded afresh: nothing tracked before counts or fires. */
    public void reset() {
        tracked.clear();
        atRisk.clear();
        risks.clear();
        queue.clear();
    }

    /** How many of the agent's (or unassigned) tickets waiting for a first response are at risk or overdue. */
    public int atRiskCount() {
        return atRisk.size();
    }

    /** Fires the crossings due by {@code nowSecond}; {@code current} maps ids to the latest tickets. */
    public void onTick(long nowSecond, Map<Long, Ticket> current) {
        while (!risks.isEmpty() && risks.peek().at() <= nowSecond) {
            Risk r = risks.poll();
            Integer v = tracked.get(r.ticketId());
            if (v != null && v == r.version()) {
                atRisk.add(r.ticketId());
            }
        }
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
            notifier.notify(new Notifier.Alert(t.id(), t.severity(), t.sensitive(),
                    t.ref() + " at " + d.percent() + " % of its response time",
                    Countdown.severityText(t.severity()) + " \u00b7 " + Countdown.hm(left) + " left \u00b7 "
                            + (t.assigneeId() == null ? "unassigned" : "assigned to you"), t.subject()));
        }
    }

    int pending() {
        return queue.size();
    }
}
