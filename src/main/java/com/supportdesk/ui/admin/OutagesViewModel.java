package com.supportdesk.ui.admin;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Ticket;
import com.supportdesk.report.Availability;
import com.supportdesk.report.Durations;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.store.OutageRepository.NewOutage;
import com.supportdesk.store.OutageRepository.Outage;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Outages (team leads and admins): start, end, description, scheduled maintenance or not, the customer affected
 * (or every customer) and linked Severity 1 tickets. Scheduled maintenance that overlaps Business Hours is flagged —
 * the policy schedules it outside them — and the overlapping part counts as unscheduled. Monthly availability
 * (1 − unscheduled downtime / minutes in the month) of the last six months against 99.5 % for a chosen customer,
 * computed by {@link Availability} exactly as the quarterly report does. No Nodes here.
 */
public final class OutagesViewModel extends TaskViewModel {

    /** An outage with the part of it inside Business Hours (flagged when it was scheduled). */
    public record OutageRow(Outage outage, Duration businessOverlap) {
        public boolean flagged() {
            return outage.scheduled() && !businessOverlap.isZero();
        }
    }

    private final Store store;
    private final Agent actor;
    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter when;
    private ResponsePolicy policy;

    private final ObservableList<OutageRow> outages = FXCollections.observableArrayList();
    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>(this, "startDate");
    private final StringProperty startTime = new SimpleStringProperty(this, "startTime", "");
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>(this, "endDate");
    private final StringProperty endTime = new SimpleStringProperty(this, "endTime", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty scheduled = new SimpleBooleanProperty(this, "scheduled");
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>(this, "customer");
    private final StringProperty tickets = new SimpleStringProperty(this, "tickets", "");
    private final ReadOnlyStringWrapper overlapWarning = new ReadOnlyStringWrapper(this, "overlapWarning", "");
    private final ObjectProperty<Customer> availabilityCustomer = new SimpleObjectProperty<>(this, "availabilityCustomer");
    private final ObservableList<Availability.Month> availability = FXCollections.observableArrayList();

    public OutagesViewModel(Store store, Agent actor, TaskExecutor executor, Clock clock, ZoneId zone) {
        super(executor);
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.zone = zone;
        this.when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK).withZone(zone);
        this.policy = ResponsePolicy.standard();
        for (Observable o : new Observable[] {startDate, startTime, endDate, endTime, scheduled}) {
            o.addListener(x -> checkOverlap());
        }
        availabilityCustomer.addListener(x -> computeAvailability());
        clearForm();
    }

    private record Loaded(ResponsePolicy policy, List<Outage> outages, List<Customer> customers) {
    }

    public CompletableFuture<Void> load() {
        return background(() -> new Loaded(store.policy().clock().policy(), store.outages().list(actor),
                store.customers().all())).thenAccept(l -> {
                    policy = l.policy();
                    List<OutageRow> rows = new ArrayList<>();
                    for (Outage o : l.outages()) {
                        rows.add(row(o));
                    }
                    rows.sort(Comparator.comparing((OutageRow r) -> r.outage().start()).reversed());
                    outages.setAll(rows);
                    Customer keep = availabilityCustomer.get();
                    Customer keepForm = customer.get();
                    customers.setAll(l.customers());
                    customer.set(keepForm == null ? null : byId(l.customers(), keepForm.id()));
                    Customer chosen = keep == null ? null : byId(l.customers(), keep.id());
                    if (chosen == null && !l.customers().isEmpty()) {
                        chosen = l.customers().get(0);
                    }
                    if (chosen != null && chosen.equals(availabilityCustomer.get())) {
                        computeAvailability();
                    } else {
                        availabilityCustomer.set(chosen);
                    }
                    checkOverlap();
                });
    }

    private static Customer byId(List<Customer> list, long id) {
        return list.stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    private OutageRow row(Outage o) {
        Duration overlap = o.scheduled()
                ? Availability.businessOverlap(new Availability.Window(o.start(), o.end(), true), policy) : Duration.ZERO;
        return new OutageRow(o, overlap);
    }

    private void clearForm() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = LocalDate.ofInstant(now, zone);
        startDate.set(today);
        startTime.set(LocalTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES).minusHours(1).toString());
        endDate.set(today);
        endTime.set(LocalTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES).toString());
        description.set("");
        scheduled.set(false);
        customer.set(null);
        tickets.set("");
    }

    private Instant instant(String what, ObjectProperty<LocalDate> d, StringProperty t) {
        if (d.get() == null) {
            throw new StoreException.Invalid("Choose the " + what + " date.");
        }
        return d.get().atTime(PolicyViewModel.parseTime(what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1)
                + " time", t.get())).atZone(zone).toInstant();
    }

    private void checkOverlap() {
        if (!scheduled.get()) {
            overlapWarning.set("");
            return;
        }
        try {
            Instant s = instant("start", startDate, startTime);
            Instant e = instant("end", endDate, endTime);
            if (!e.isAfter(s)) {
                overlapWarning.set("");
                return;
            }
            Duration overlap = Availability.businessOverlap(new Availability.Window(s, e, true), policy);
            overlapWarning.set(overlap.isZero() ? "" : "This maintenance overlaps Business Hours by "
                    + Durations.compact(overlap) + ": the policy schedules maintenance outside them, so that part will"
                    + " count as unscheduled downtime.");
        } catch (RuntimeException ex) {
            overlapWarning.set("");
        }
    }

    /** Records the outage of the form. */
    public CompletableFuture<Void> add() {
        NewOutage n;
        try {
            Instant s = instant("start", startDate, startTime);
            Instant e = instant("end", endDate, endTime);
            n = new NewOutage(s, e, description.get(), scheduled.get(), customer.get() == null ? null : customer.get().id(),
                    parseRefs(tickets.get()));
        } catch (RuntimeException ex) {
            return refuse(ex);
        }
        return background(() -> store.outages().add(actor, n)).thenCompose(o -> {
            OutageRow r = row(o);
            clearForm();
            setStatus("Recorded the outage of " + when.format(o.start()) + " (" + Durations.compact(o.duration()) + ")."
                    + (r.flagged() ? " It is flagged: scheduled maintenance inside Business Hours." : ""));
            return load();
        });
    }

    public CompletableFuture<Void> delete(OutageRow r) {
        return background(() -> store.outages().delete(actor, r.outage().id())).thenCompose(v -> {
            setStatus("Deleted the outage of " + when.format(r.outage().start()) + ".");
            return load();
        });
    }

    /** "SD-1001, 1004 SD-7" → ticket ids; anything else is refused with a message. */
    static List<Long> parseRefs(String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            long id = Ticket.parseRef(part);
            if (id < 0) {
                throw new StoreException.Invalid("'" + part + "' is not a ticket ref such as SD-1042.");
            }
            ids.add(id);
        }
        return ids;
    }

    /** The last six months (this month last) for the chosen customer, against 99.5 %. */
    private void computeAvailability() {
        Customer c = availabilityCustomer.get();
        if (c == null) {
            availability.clear();
            return;
        }
        Instant now = clock.instant();
        ZoneId calendarZone = policy.calendarAt(now).spec().zone();
        YearMonth last = YearMonth.from(now.atZone(calendarZone));
        YearMonth first = last.minusMonths(5);
        Instant from = first.atDay(1).atStartOfDay(calendarZone).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(calendarZone).toInstant();
        ResponsePolicy p = policy;
        background(() -> store.outages().affecting(actor, c.id(), from, to)).thenAccept(list -> {
            List<Availability.Window> windows = list.stream()
                    .map(o -> new Availability.Window(o.start(), o.end(), o.scheduled())).toList();
            List<Availability.Month> months = new ArrayList<>();
            for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
                months.add(Availability.month(m, calendarZone, windows, p, now));
            }
            if (availabilityCustomer.get() == c) {
                availability.setAll(months);
            }
        });
    }

    /** "99.87 %". */
    public static String percent(Availability.Month m) {
        return String.format(Locale.UK, "%.2f %%", Math.floor(m.percent() * 100) / 100);
    }

    public String when(Instant t) {
        return when.format(t);
    }

    // ---------------------------------------------------------------- accessors

    public ObservableList<OutageRow> outages() {
        return outages;
    }

    public ObservableList<Customer> customers() {
        return customers;
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return startDate;
    }

    public StringProperty startTimeProperty() {
        return startTime;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    public StringProperty endTimeProperty() {
        return endTime;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty scheduledProperty() {
        return scheduled;
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public StringProperty ticketsProperty() {
        return tickets;
    }

    public ReadOnlyStringProperty overlapWarningProperty() {
        return overlapWarning.getReadOnlyProperty();
    }

    public ObjectProperty<Customer> availabilityCustomerProperty() {
        return availabilityCustomer;
    }

    public ObservableList<Availability.Month> availability() {
        return availability;
    }



}
