package com.supportdesk.ui.admin;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Customer;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TrainingRepository.Session;
import com.supportdesk.store.TrainingRepository;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskViewModel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Training and adoption sessions per customer (team leads and admins): the customer's sessions, contracted vs
 * delivered vs remaining (a session counts as delivered once its date is today or earlier; later ones are planned),
 * recording a session and deleting one recorded in error. No Nodes here.
 */
public final class TrainingViewModel extends TaskViewModel {

    private final Store store;
    private final Agent actor;
    private final Clock clock;
    private final ZoneId zone;

    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>(this, "customer");
    private final ObservableList<Session> sessions = FXCollections.observableArrayList();
    private final ObservableList<String> people = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrainingRepository.Summary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty topic = new SimpleStringProperty(this, "topic", "");
    private final StringProperty attendees = new SimpleStringProperty(this, "attendees", "");
    private final StringProperty deliveredBy = new SimpleStringProperty(this, "deliveredBy", "");

    public TrainingViewModel(Store store, Agent actor, TaskExecutor executor, Clock clock, ZoneId zone) {
        super(executor);
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.zone = zone;
        customer.addListener((o, was, c) -> refresh());
        clearForm();
    }

    private record Loaded(List<Customer> customers, List<String> people) {
    }

    public CompletableFuture<Void> load() {
        return background(() -> new Loaded(store.customers().all(),
                store.agents().active().stream().map(Agent::displayName).toList())).thenAccept(l -> {
                    people.setAll(l.people());
                    customers.setAll(l.customers());
                    if (customer.get() == null && !l.customers().isEmpty()) {
                        customer.set(l.customers().get(0));
                    }
                });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private record Sessions(List<Session> list, TrainingRepository.Summary summary) {
    }

    private CompletableFuture<Void> refresh() {
        Customer c = customer.get();
        sessions.clear();
        summary.set(null);
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        LocalDate today = today();
        return background(() -> new Sessions(store.training().list(c.id()), store.training().summary(c.id(), today)))
                .thenAccept(s -> {
                    if (customer.get() == c) {
                        sessions.setAll(s.list());
                        summary.set(s.summary());
                    }
                });
    }

    private void clearForm() {
        date.set(today());
        topic.set("");
        attendees.set("");
        deliveredBy.set(actor.displayName());
    }

    /** Records the session of the form for the chosen customer. */
    public CompletableFuture<Void> add() {
        Customer c = customer.get();
        if (c == null) {
            return refuse(new StoreException.Invalid("Choose the customer first."));
        }
        LocalDate d = date.get();
        String t = topic.get();
        String a = attendees.get();
        String by = deliveredBy.get();
        return background(() -> store.training().add(actor, c.id(), d, t, a, by)).thenCompose(s -> {
            clearForm();
            setStatus("Recorded \u201c" + s.topic() + "\u201d on " + PolicyViewModel.format(s.heldOn()) + " for "
                    + c.name() + (s.heldOn().isAfter(today()) ? " (planned)." : "."));
            return refresh();
        });
    }

    /** Deletes a session recorded in error. */
    public CompletableFuture<Void> delete(Session s) {
        return background(() -> store.training().delete(actor, s.id())).thenCompose(v -> {
            setStatus("Deleted \u201c" + s.topic() + "\u201d (" + PolicyViewModel.format(s.heldOn()) + ").");
            return refresh();
        });
    }

    /** "Contracted 4 · delivered 2 · remaining 2 · planned 1". */
    public static String summaryText(TrainingRepository.Summary s) {
        if (s == null) {
            return "";
        }
        return "Contracted " + s.contracted() + " \u00b7 delivered " + s.delivered() + " \u00b7 remaining " + s.remaining()
                + (s.planned() > 0 ? " \u00b7 planned " + s.planned() : "");
    }

    /** True when the session is after today (booked, not yet delivered). */
    public boolean planned(Session s) {
        return s.heldOn().isAfter(today());
    }

    // ---------------------------------------------------------------- accessors

    public ObservableList<Customer> customers() {
        return customers;
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public ObservableList<Session> sessions() {
        return sessions;
    }

    public ObservableList<String> people() {
        return people;
    }

    public ReadOnlyObjectProperty<TrainingRepository.Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public StringProperty attendeesProperty() {
        return attendees;
    }

    public StringProperty deliveredByProperty() {
        return deliveredBy;
    }



}
