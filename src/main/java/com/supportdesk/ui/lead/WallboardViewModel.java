package com.supportdesk.ui.lead;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.report.QuarterlyReport.Compliance;
import com.supportdesk.report.ResponseCompliance;
import com.supportdesk.sla.BusinessCalendar;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.sla.SlaState;
import com.supportdesk.sla.SlaStatus;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.NewerWins;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TicketOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The team lead's wallboard: every open ticket's countdown (most urgent first), counts per severity, the overdue
 * and at-risk panels, tickets needing triage or a cleared agent, each agent's open load, and today's and this
 * month's response compliance per severity (the report's definitions, {@link ResponseCompliance}).
 *
 * <p>Tickets come from the store through the viewer's lens (placeholders for an uncleared viewer) and then from
 * the desk's change feed ({@link #apply}). Time moves by the shared ticker ({@link #onTick}): a tick costs O(1)
 * unless a ticket crosses into "at risk" or "overdue" — those instants are precomputed per ticket and kept in a
 * priority queue, so the cost per tick does not grow with the number of open tickets. No Nodes here.
 *
 * <p>A wall display is seen by the whole room, so Official Sensitive tickets show as placeholders even for a cleared
 * viewer until they choose {@link #showSensitiveProperty()}; for an uncleared viewer the store already sent placeholders.
 */
public final class WallboardViewModel {

    /** One agent's open tickets (assigned to them) and how many of those still wait for a first response. */
    public record AgentLoad(long agentId, String name, int open, int waiting, boolean cleared) {
    }

    /** Response compliance of one severity, received today and this month (the calendar's zone). */
    public record ComplianceRow(Severity severity, Compliance today, Compliance month) {
    }

    /** Where an open ticket stands on the wallboard. */
    public enum Standing { ANSWERED, ON_TIME, AT_RISK, OVERDUE }

    private record Due(long atSecond, long ticketId) {
    }

    private record Loaded(ResponseClock clock, List<Ticket> board, List<Ticket> month, List<Agent> agents,
                          YearMonth yearMonth) {
    }

    private final Store store;
    private final Agent viewer;
    private final TaskExecutor executor;
    private final Clock clock;
    private final DateTimeFormatter clockFormat;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter openingFormat;
    private ResponseClock responseClock;

    private final Map<Long, Ticket> open = new HashMap<>();
    private final Map<Long, Ticket> month = new HashMap<>();
    private final Map<Long, Standing> standing = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparingLong(Due::atSecond));
    private final List<Ticket> early = new ArrayList<>();
    private List<Agent> agents = List.of();
    private boolean loaded;
    private Instant nextComplianceChange;
    private YearMonth currentMonth;
    private LocalDate currentDay;

    private final ObservableList<Ticket> countdowns = FXCollections.observableArrayList();
    private final ObservableList<Ticket> overdue = FXCollections.observableArrayList();
    private final ObservableList<Ticket> atRisk = FXCollections.observableArrayList();
    private final ObservableList<Ticket> attention = FXCollections.observableArrayList();
    private final ObservableList<AgentLoad> load = FXCollections.observableArrayList();
    private final ObservableList<ComplianceRow> compliance = FXCollections.observableArrayList();
    private final EnumMap<Severity, ReadOnlyIntegerWrapper> openBySeverity = new EnumMap<>(Severity.class);
    private final EnumMap<Severity, ReadOnlyIntegerWrapper> waitingBySeverity = new EnumMap<>(Severity.class);
    private final ReadOnlyIntegerWrapper unassigned = new ReadOnlyIntegerWrapper(this, "unassigned");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText", "");
    private final ReadOnlyStringWrapper dateText = new ReadOnlyStringWrapper(this, "dateText", "");
    private final ReadOnlyStringWrapper deskState = new ReadOnlyStringWrapper(this, "deskState", "");
    private final ReadOnlyBooleanWrapper deskOpen = new ReadOnlyBooleanWrapper(this, "deskOpen");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final BooleanProperty showSensitive = new SimpleBooleanProperty(this, "showSensitive", false);

    public WallboardViewModel(Session session, TaskExecutor executor, Clock clock) {
        this.store = session.store();
        this.viewer = session.agent();
        this.executor = executor;
        this.clock = clock;
        this.responseClock = session.clock();
        ZoneId zone = session.zone();
        this.clockFormat = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(zone);
        this.dayFormat = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK).withZone(zone);
        this.openingFormat = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK).withZone(zone);
        for (Severity s : Severity.values()) {
            openBySeverity.put(s, new ReadOnlyIntegerWrapper(this, "open" + s));
            waitingBySeverity.put(s, new ReadOnlyIntegerWrapper(this, "waiting" + s));
        }
        showSensitive.addListener((o, was, v) -> {
            if (v && !viewer.cleared()) {
                showSensitive.set(false);
            }
        });
        updateClock(clock.instant());
    }

    // ---------------------------------------------------------------- loading and merging

    /** Loads open tickets, this month's tickets, the agents and the current policy in the background. */
    public CompletableFuture<Void> load() {
        loading.set(true);
        Instant at = clock.instant();
        return executor.supply(() -> {
            ResponseClock rc = store.policy().clock();
            ZoneId zone = calendarZone(rc, at);
            YearMonth ym = YearMonth.from(at.atZone(zone));
            Instant from = ym.atDay(1).atStartOfDay(zone).toInstant();
            Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            List<Ticket> board = store.tickets().board(viewer, at);
            List<Ticket> received = store.tickets().receivedBetween(viewer, null, from, to);
            return new Loaded(rc, board, received, store.agents().active(), ym);
        }).handle((l, err) -> {
            loading.set(false);
            if (err != null) {
                message.set(Errors.plain(err));
                return null;
            }
            responseClock = l.clock();
            currentMonth = l.yearMonth();
            open.clear();
            month.clear();
            for (Ticket t : l.board()) {
                if (t.isOpen()) {
                    open.put(t.id(), t);
                }
            }
            for (Ticket t : l.month()) {
                month.put(t.id(), t);
            }
            agents = l.agents();
            loaded = true;
            message.set("");
            List<Ticket> queued = new ArrayList<>(early);
            early.clear();
            merge(queued);
            rebuild(clock.instant());
            return null;
        });
    }

    /** Merges fresh copies of changed tickets (from the change feed or the desk's own actions). */
    public void apply(Collection<Ticket> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        if (!loaded) {
            early.addAll(fresh);
            return;
        }
        if (merge(fresh)) {
            rebuild(clock.instant());
        }
    }

    private boolean merge(Collection<Ticket> fresh) {
        boolean changed = false;
        Instant monthStart = null;
        Instant monthEnd = null;
        if (currentMonth != null) {
            ZoneId zone = calendarZone(responseClock, clock.instant());
            monthStart = currentMonth.atDay(1).atStartOfDay(zone).toInstant();
            monthEnd = currentMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        }
        for (Ticket t : fresh) {
            Ticket known = open.containsKey(t.id()) ? open.get(t.id()) : month.get(t.id());
            if (!NewerWins.replaces(t, known)) {
                continue;
            }
            changed = true;
            if (t.isOpen()) {
                open.put(t.id(), t);
            } else {
                open.remove(t.id());
            }
            if (monthStart != null && !t.received().isBefore(monthStart) && t.received().isBefore(monthEnd)) {
                month.put(t.id(), t);
            }
        }
        return changed;
    }

    // ---------------------------------------------------------------- time

    /** The shared tick: the clock text, tickets crossing into at-risk or overdue, compliance when a deadline passes. */
    public void onTick(long nowSecond) {
        Instant t = Instant.ofEpochSecond(nowSecond);
        updateClock(t);
        if (!loaded) {
            return;
        }
        if (currentMonth != null && !YearMonth.from(t.atZone(calendarZone(responseClock, t))).equals(currentMonth)) {
            currentMonth = null;
            load();
            return;
        }
        boolean crossed = false;
        while (!due.isEmpty() && due.peek().atSecond() <= nowSecond) {
            due.poll();
            crossed = true;
        }
        if (crossed) {
            panels(t);
        }
        LocalDate day = LocalDate.ofInstant(t, calendarZone(responseClock, t));
        if (!day.equals(currentDay) || (nextComplianceChange != null && t.isAfter(nextComplianceChange))) {
            compliance(t);
        }
    }

    private void updateClock(Instant t) {
        now.set(t);
        clockText.set(clockFormat.format(t));
        dateText.set(dayFormat.format(t));
        BusinessCalendar cal = responseClock.policy().calendarAt(t);
        boolean isOpen = cal.isOpen(t);
        deskOpen.set(isOpen);
        if (isOpen) {
            deskState.set("Desk open");
        } else {
            Instant next = cal.nextOpening(t);
            deskState.set(next == null ? "Desk closed" : "Desk closed \u00b7 opens " + openingFormat.format(next));
        }
    }

    // ---------------------------------------------------------------- the figures

    private void rebuild(Instant t) {
        List<Ticket> all = new ArrayList<>(open.values());
        all.sort(TicketOrder.URGENCY);
        countdowns.setAll(all);
        List<Ticket> flagged = all.stream().filter(x -> x.needsTriage() || x.needsClearedAgent()).toList();
        attention.setAll(flagged);
        EnumMap<Severity, Integer> o = new EnumMap<>(Severity.class);
        EnumMap<Severity, Integer> w = new EnumMap<>(Severity.class);
        Map<Long, int[]> perAgent = new HashMap<>();
        int nobody = 0;
        for (Ticket x : all) {
            o.merge(x.severity(), 1, Integer::sum);
            boolean waiting = x.firstContactAt() == null;
            if (waiting) {
                w.merge(x.severity(), 1, Integer::sum);
            }
            if (x.assigneeId() == null) {
                nobody++;
            } else {
                int[] c = perAgent.computeIfAbsent(x.assigneeId(), k -> new int[2]);
                c[0]++;
                c[1] += waiting ? 1 : 0;
            }
        }
        for (Severity s : Severity.values()) {
            openBySeverity.get(s).set(o.getOrDefault(s, 0));
            waitingBySeverity.get(s).set(w.getOrDefault(s, 0));
        }
        unassigned.set(nobody);
        List<AgentLoad> loads = new ArrayList<>();
        Map<Long, String> named = new HashMap<>();
        for (Agent a : agents) {
            int[] c = perAgent.getOrDefault(a.id(), new int[2]);
            loads.add(new AgentLoad(a.id(), a.displayName(), c[0], c[1], a.cleared()));
            named.put(a.id(), a.displayName());
        }
        for (Ticket x : all) {
            // assigned to someone no longer active: still show their load
            if (x.assigneeId() != null && !named.containsKey(x.assigneeId())) {
                int[] c = perAgent.get(x.assigneeId());
                named.put(x.assigneeId(), x.assigneeName());
                loads.add(new AgentLoad(x.assigneeId(), x.assigneeName() == null ? "Agent #" + x.assigneeId()
                        : x.assigneeName(), c[0], c[1], false));
            }
        }
        loads.sort(Comparator.comparingInt(AgentLoad::open).reversed().thenComparing(AgentLoad::name));
        load.setAll(loads);
        panels(t);
        compliance(t);
    }

    /** Re-classifies every open ticket and schedules the next crossing of each one still running. */
    private void panels(Instant t) {
        due.clear();
        standing.clear();
        long nowSecond = t.getEpochSecond();
        List<Ticket> late = new ArrayList<>();
        List<Ticket> risky = new ArrayList<>();
        ResponsePolicy policy = responseClock.policy();
        for (Ticket x : open.values()) {
            if (x.firstContactAt() != null) {
                standing.put(x.id(), Standing.ANSWERED);
                continue;
            }
            SlaStatus s = responseClock.status(x.severity(), x.received(), null, t);
            Standing st;
            if (s.state() == SlaState.OVERDUE) {
                st = Standing.OVERDUE;
                late.add(x);
            } else if (s.remainingSeconds() * 4 <= s.targetSeconds()) {
                st = Standing.AT_RISK;
                risky.add(x);
                due.add(new Due(s.deadline().getEpochSecond() + 1, x.id()));
            } else {
                st = Standing.ON_TIME;
                long target = s.targetSeconds();
                Instant riskAt = policy.calendarAt(x.received()).addBusinessSeconds(x.received(), target - target / 4);
                due.add(new Due(Math.max(nowSecond + 1, riskAt.getEpochSecond()), x.id()));
            }
            standing.put(x.id(), st);
        }
        Comparator<Ticket> byDeadline = Comparator.comparing(Ticket::deadline).thenComparingLong(Ticket::id);
        late.sort(byDeadline);
        risky.sort(byDeadline);
        overdue.setAll(late);
        atRisk.setAll(risky);
    }

    private void compliance(Instant t) {
        ZoneId zone = calendarZone(responseClock, t);
        currentDay = LocalDate.ofInstant(t, zone);
        Instant dayStart = currentDay.atStartOfDay(zone).toInstant();
        List<Ticket> monthTickets = new ArrayList<>(month.values());
        List<Ticket> today = monthTickets.stream().filter(x -> !x.received().isBefore(dayStart)).toList();
        List<ComplianceRow> rows = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long target = responseClock.policy().versionAt(t).targets().secondsOf(s);
            rows.add(new ComplianceRow(s, ResponseCompliance.of(s, target, today, responseClock, t),
                    ResponseCompliance.of(s, target, monthTickets, responseClock, t)));
        }
        compliance.setAll(rows);
        nextComplianceChange = ResponseCompliance.nextChange(monthTickets, t);
    }

    private static ZoneId calendarZone(ResponseClock rc, Instant at) {
        return rc.policy().calendarAt(at).spec().zone();
    }

    // ---------------------------------------------------------------- what a row shows

    /** True when the row must not show the ticket's content: a placeholder, or sensitive and not chosen to show. */
    public boolean hidden(Ticket t) {
        return t.redacted() || (t.sensitive() && !showSensitive.get());
    }

    /** The subject, or the placeholder text. */
    public String subject(Ticket t) {
        return hidden(t) ? Ticket.PLACEHOLDER : t.subject();
    }

    /** The customer's name, or empty for a hidden ticket. */
    public String customer(Ticket t) {
        return hidden(t) || t.customerName() == null ? "" : t.customerName();
    }

    /** Where the ticket stands now (null if it is not open). */
    public Standing standing(Ticket t) {
        return standing.get(t.id());
    }

    /** "Needs triage", "Needs a cleared agent", or both. */
    public static String attentionText(Ticket t) {
        if (t.needsClearedAgent() && t.needsTriage()) {
            return "Needs triage \u00b7 needs a cleared agent";
        }
        return t.needsClearedAgent() ? "Needs a cleared agent" : t.needsTriage() ? "Needs triage" : "";
    }

    // ---------------------------------------------------------------- accessors

    public ResponseClock responseClock() {
        return responseClock;
    }

    public Agent viewer() {
        return viewer;
    }

    public ObservableList<Ticket> countdowns() {
        return countdowns;
    }

    public ObservableList<Ticket> overdue() {
        return overdue;
    }

    public ObservableList<Ticket> atRisk() {
        return atRisk;
    }

    public ObservableList<Ticket> attention() {
        return attention;
    }

    public ObservableList<AgentLoad> agentLoad() {
        return load;
    }

    public ObservableList<ComplianceRow> compliance() {
        return compliance;
    }

    public ReadOnlyIntegerProperty openCountProperty(Severity s) {
        return openBySeverity.get(s).getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingCountProperty(Severity s) {
        return waitingBySeverity.get(s).getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unassignedProperty() {
        return unassigned.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateTextProperty() {
        return dateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deskStateProperty() {
        return deskState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deskOpenProperty() {
        return deskOpen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Show Official Sensitive subjects on the wall (cleared viewers only; off by default). */
    public BooleanProperty showSensitiveProperty() {
        return showSensitive;
    }

    /** Formats a compliance cell: "3 met · 1 missed · 75 %", or "no responses due yet". */
    public static String complianceText(Compliance c) {
        if (c.met() + c.missed() == 0) {
            return c.pending() > 0 ? c.pending() + " pending" : "none due";
        }
        return c.met() + " met \u00b7 " + c.missed() + " missed";
    }

    /** "75 %", or "—" when nothing was due. */
    public static String percentText(Compliance c) {
        return c.pctMet() == null ? "\u2014" : String.format(Locale.UK, "%.0f %%", Math.floor(c.pctMet()));
    }
}
