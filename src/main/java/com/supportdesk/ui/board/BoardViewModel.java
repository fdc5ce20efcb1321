package com.supportdesk.ui.board;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.store.Store;
import com.supportdesk.store.TicketRepository;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.NewerWins;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TicketOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The board: open tickets in columns by status plus those resolved today, each column sorted by urgency
 * (least business time left first; answered tickets after unanswered ones), with filters and text search.
 * Changes from the change feed are merged card by card ({@link #apply}); the selection survives them.
 * No Nodes here: the view binds to the lists and properties.
 */
public final class BoardViewModel {

    public enum Column {
        NEW("New"), OPEN("Open"), WAITING("Waiting on customer"), RESOLVED_TODAY("Resolved today");

        private final String title;

        Column(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum AssigneeFilter {
        ANYONE("Anyone"), ME("Assigned to me"), UNASSIGNED("Unassigned");

        private final String label;

        AssigneeFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Store store;
    private final Agent agent;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean sensitiveOnly;
    private final ResponseClock responseClock;
    private final SlaAlerts alerts;
    private final Notifier notifier;

    private final Map<Long, Ticket> byId = new HashMap<>();
    private final EnumMap<Column, ObservableList<Ticket>> master = new EnumMap<>(Column.class);
    private final EnumMap<Column, FilteredList<Ticket>> visible = new EnumMap<>(Column.class);
    private final ObservableList<String> customerNames = FXCollections.observableArrayList();

    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>(this, "severity");
    private final ObjectProperty<SupportLevel> levelFilter = new SimpleObjectProperty<>(this, "level");
    private final ObjectProperty<AssigneeFilter> assigneeFilter = new SimpleObjectProperty<>(this, "assignee", AssigneeFilter.ANYONE);
    private final ObjectProperty<String> customerFilter = new SimpleObjectProperty<>(this, "customer");
    private final ObjectProperty<Channel> channelFilter = new SimpleObjectProperty<>(this, "channel");
    private final StringProperty searchText = new SimpleStringProperty(this, "search", "");

    private final ReadOnlyObjectWrapper<Ticket> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper updating = new ReadOnlyBooleanWrapper(this, "updating");
    private final LongProperty feedPosition = new SimpleLongProperty(this, "feedPosition", -1);
    private final ReadOnlyIntegerWrapper atRisk = new ReadOnlyIntegerWrapper(this, "atRisk");
    private LocalDate boardDay;

    public BoardViewModel(Session session, TaskExecutor executor, Clock clock, boolean sensitiveOnly, Notifier notifier) {
        this.store = session.store();
        this.agent = session.agent();
        this.executor = executor;
        this.clock = clock;
        this.zone = session.zone();
        this.sensitiveOnly = sensitiveOnly;
        this.responseClock = session.clock();
        this.notifier = notifier;
        this.alerts = new SlaAlerts(agent, responseClock, notifier);
        for (Column c : Column.values()) {
            ObservableList<Ticket> list = FXCollections.observableArrayList();
            master.put(c, list);
            visible.put(c, new FilteredList<>(list, t -> true));
        }
        severityFilter.addListener(o -> refilter());
        levelFilter.addListener(o -> refilter());
        assigneeFilter.addListener(o -> refilter());
        customerFilter.addListener(o -> refilter());
        channelFilter.addListener(o -> refilter());
        searchText.addListener(o -> refilter());
    }

    // ---------------------------------------------------------------- loading and merging

    /** Loads the whole board in the background; the feed position is taken first so nothing is missed. */
    public CompletableFuture<Void> load() {
        loading.set(true);
        Instant since = startOfToday();
        return executor.supply(() -> {
            TicketRepository tickets = store.tickets();
            long position = store.history().lastEventId();
            List<Ticket> list = sensitiveOnly ? tickets.sensitiveBoard(agent, since) : tickets.board(agent, since);
            List<String> customers = store.customers().all().stream().map(Customer::name).toList();
            return new Loaded(position, list, customers);
        }).handle((l, err) -> {
            loading.set(false);
            if (err != null) {
                message.set(Errors.plain(err));
                return null;
            }
            setAll(l.tickets());
            customerNames.setAll(l.customers());
            if (feedPosition.get() < l.position()) {
                feedPosition.set(l.position());
            }
            message.set("");
            return null;
        });
    }

    private record Loaded(long position, List<Ticket> tickets, List<String> customers) {
    }

    void setAll(List<Ticket> tickets) {
        updating.set(true);
        try {
            fill(tickets);
        } finally {
            updating.set(false);
        }
        reselect();
        revision.set(revision.get() + 1);
        atRisk.set(alerts.atRiskCount());
    }

    private void fill(List<Ticket> tickets) {
        boardDay = LocalDate.ofInstant(clock.instant(), zone);
        Instant since = startOfToday();
        byId.clear();
        EnumMap<Column, ArrayList<Ticket>> lists = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            lists.put(c, new ArrayList<>());
        }
        long now = clock.instant().getEpochSecond();
        alerts.reset();
        for (Ticket t : tickets) {
            Column c = columnOf(t, since);
            if (c != null) {
                byId.put(t.id(), t);
                lists.get(c).add(t);
                alerts.track(t, now);
            }
        }
        for (Column c : Column.values()) {
            ArrayList<Ticket> l = lists.get(c);
            l.sort(comparator(c));
            master.get(c).setAll(l);
        }
    }

    /**
     * Merges fresh copies of changed tickets (from the change feed or an action). Tickets that left the board
     * (closed, or resolved before today) are removed; new S1 tickets raise a notification.
     */
    public void apply(Collection<Ticket> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        updating.set(true);
        boolean changed;
        try {
            changed = merge(fresh);
        } finally {
            updating.set(false);
        }
        if (changed) {
            reselect();
            revision.set(revision.get() + 1);
        }
        atRisk.set(alerts.atRiskCount());
    }

    private boolean merge(Collection<Ticket> fresh) {
        Instant since = startOfToday();
        long now = clock.instant().getEpochSecond();
        boolean changed = false;
        for (Ticket t : fresh) {
            if (sensitiveOnly && !t.sensitive()) {
                changed |= remove(t.id());
                continue;
            }
            Ticket old = byId.get(t.id());
            if (!NewerWins.replaces(t, old)) {
                continue;
            }
            changed = true;
            if (old != null) {
                remove(old.id());
            }
            Column c = columnOf(t, since);
            if (c == null) {
                continue;
            }
            byId.put(t.id(), t);
            ObservableList<Ticket> list = master.get(c);
            int pos = Collections.binarySearch(list, t, comparator(c));
            list.add(pos < 0 ? -pos - 1 : pos, t);
            alerts.track(t, now);
            if (old == null && t.severity() == Severity.S1 && t.isOpen() && t.firstContactAt() == null
                    && t.received().getEpochSecond() > now - 3600) {
                notifier.notify(new Notifier.Alert(t.id(), t.severity(), t.sensitive(), "New S1 ticket " + t.ref(), "",
                        t.subject() + (t.customerName() == null ? "" : "\n" + t.customerName())));
            }
        }
        return changed;
    }

    private boolean remove(long id) {
        alerts.forget(id);
        Ticket old = byId.remove(id);
        if (old == null) {
            return false;
        }
        for (ObservableList<Ticket> l : master.values()) {
            if (l.remove(old)) {
                break;
            }
        }
        return true;
    }

    private void reselect() {
        Ticket s = selected.get();
        if (s != null) {
            Ticket now = byId.get(s.id());
            if (now != null && !now.equals(s)) {
                selected.set(now);
            }
        }
    }

    /** The one shared tick: alerts due now; a new day rebuilds "Resolved today". */
    public void onTick(long nowSecond) {
        alerts.onTick(nowSecond, byId);
        atRisk.set(alerts.atRiskCount());
        if (boardDay != null && !LocalDate.ofInstant(Instant.ofEpochSecond(nowSecond), zone).equals(boardDay)) {
            boardDay = null;
            load();
        }
    }

    Column columnOf(Ticket t, Instant resolvedSince) {
        if (sensitiveOnly && !t.sensitive()) {
            return null;
        }
        return switch (t.status()) {
            case NEW -> Column.NEW;
            case OPEN -> Column.OPEN;
            case WAITING_ON_CUSTOMER -> Column.WAITING;
            case RESOLVED -> t.resolvedAt() != null && !t.resolvedAt().isBefore(resolvedSince) ? Column.RESOLVED_TODAY : null;
            case CLOSED -> null;
        };
    }

    private static Comparator<Ticket> comparator(Column c) {
        return c == Column.RESOLVED_TODAY ? TicketOrder.RECENTLY_RESOLVED : TicketOrder.URGENCY;
    }

    private Instant startOfToday() {
        return LocalDate.ofInstant(clock.instant(), zone).atStartOfDay(zone).toInstant();
    }

    // ---------------------------------------------------------------- filters

    private void refilter() {
        Predicate<Ticket> p = predicate();
        updating.set(true);
        try {
            for (FilteredList<Ticket> l : visible.values()) {
                l.setPredicate(p);
            }
        } finally {
            updating.set(false);
        }
        revision.set(revision.get() + 1);
    }

    Predicate<Ticket> predicate() {
        Severity sev = severityFilter.get();
        SupportLevel level = levelFilter.get();
        AssigneeFilter who = assigneeFilter.get();
        String customer = customerFilter.get();
        Channel channel = channelFilter.get();
        String q = searchText.get() == null ? "" : searchText.get().strip().toLowerCase(Locale.ROOT);
        long me = agent.id();
        return t -> (sev == null || t.severity() == sev)
                && (level == null || t.level() == level)
                && (who == null || who == AssigneeFilter.ANYONE
                    || (who == AssigneeFilter.ME ? t.assigneeId() != null && t.assigneeId() == me : t.assigneeId() == null))
                && (customer == null || customer.equals(t.customerName()))
                && (channel == null || t.channel() == channel)
                && (q.isEmpty() || matches(t, q));
    }

    /** Ref for everyone; subject and customer only where the agent may read them (never a placeholder's text). */
    static boolean matches(Ticket t, String q) {
        if (t.ref().toLowerCase(Locale.ROOT).contains(q) || Long.toString(t.id()).equals(q)) {
            return true;
        }
        if (t.redacted()) {
            return false;
        }
        return t.subject().toLowerCase(Locale.ROOT).contains(q)
                || (t.customerName() != null && t.customerName().toLowerCase(Locale.ROOT).contains(q));
    }

    public void clearFilters() {
        severityFilter.set(null);
        levelFilter.set(null);
        assigneeFilter.set(AssigneeFilter.ANYONE);
        customerFilter.set(null);
        channelFilter.set(null);
        searchText.set("");
    }

    // ---------------------------------------------------------------- selection

    /** Selects a card; a placeholder card cannot be opened, so it is not selected for the detail pane. */
    public void select(Ticket t) {
        if (t != null && t.redacted()) {
            message.set(t.ref() + " is " + Ticket.PLACEHOLDER + ": it cannot be opened.");
            return;
        }
        selected.set(t);
    }

    public void selectById(long id) {
        Ticket t = byId.get(id);
        if (t != null) {
            select(t);
        }
    }

    // ---------------------------------------------------------------- accessors

    public ObservableList<Ticket> column(Column c) {
        return visible.get(c);
    }

    public Set<Long> ids() {
        return new HashSet<>(byId.keySet());
    }

    public Ticket ticket(long id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    public boolean sensitiveOnly() {
        return sensitiveOnly;
    }

    public Agent agent() {
        return agent;
    }

    public ResponseClock responseClock() {
        return responseClock;
    }

    public ObservableList<String> customerNames() {
        return customerNames;
    }

    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    public ObjectProperty<SupportLevel> levelFilterProperty() {
        return levelFilter;
    }

    public ObjectProperty<AssigneeFilter> assigneeFilterProperty() {
        return assigneeFilter;
    }

    public ObjectProperty<String> customerFilterProperty() {
        return customerFilter;
    }

    public ObjectProperty<Channel> channelFilterProperty() {
        return channelFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyObjectProperty<Ticket> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while cards are being replaced (views ignore the selection churn this causes). */
    public ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }

    /** Increases whenever the visible cards change (the view re-selects after it). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The change-feed position this board is current to. */
    /**
     * How many tickets assigned to the agent, or unassigned, wait for a first response with 25 % of their target or
     * less left, or overdue (the tray or menu-bar icon shows it).
     */
    public ReadOnlyIntegerProperty atRiskProperty() {
        return atRisk.getReadOnlyProperty();
    }

    public LongProperty feedPositionProperty() {
        return feedPosition;
    }

}
