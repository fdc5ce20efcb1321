package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.TaskExecutor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "New ticket…": a ticket typed in by the agent. Received defaults to now; the agent types the time the customer asked
 * (HH:MM today, never later than now). Customers and their contacts load in the background. Holds no Nodes.
 */
public final class NewTicketForm {

    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final TicketDetailViewModel vm;
    private final Store store;
    private final TaskExecutor executor;
    private final ZoneId zone;

    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity", Severity.S3);
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>(this, "channel", Channel.AGENT);
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>(this, "customer");
    private final ObjectProperty<Contact> contact = new SimpleObjectProperty<>(this, "contact");
    private final StringProperty askedAt = new SimpleStringProperty(this, "askedAt", "");
    private final BooleanProperty sensitive = new SimpleBooleanProperty(this, "sensitive");
    private final StringProperty details = new SimpleStringProperty(this, "details", "");
    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();

    NewTicketForm(TicketDetailViewModel vm, TaskExecutor executor) {
        this.vm = vm;
        this.store = vm.store();
        this.executor = executor;
        this.zone = vm.formatter().zone();
        askedAt.set(HHMM.format(now().atZone(zone)));
        customer.addListener((o, was, c) -> {
            contacts.clear();
            contact.set(null);
            if (c != null) {
                BackgroundTask.wrap(() -> store.contacts().forCustomer(c.id())).onSuccess(contacts::setAll)
                        .executeWith(executor);
            }
        });
    }

    /** Loads the customers to choose from. */
    public CompletableFuture<?> load() {
        return BackgroundTask.wrap(() -> store.customers().all()).onSuccess(customers::setAll).executeWith(executor);
    }

    /** When the customer asked: today at the time typed, and never later than now. */
    Instant received() {
        LocalTime at;
        try {
            at = LocalTime.parse(askedAt.get() == null ? "" : askedAt.get().strip(), HHMM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Type the time the customer asked as HH:MM, e.g. 09:30.", e);
        }
        Instant now = now();
        Instant received = LocalDate.ofInstant(now, zone).atTime(at).atZone(zone).toInstant();
        return received.isAfter(now) ? now : received;
    }

    /** Opens the ticket; the future gives it as this agent may see it, or fails with a message for people. */
    public CompletableFuture<Ticket> submit() {
        Instant received;
        try {
            received = received();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        Customer cu = customer.get();
        Contact co = contact.get();
        NewTicket n = new NewTicket(subject.get(), severity.get(), SupportLevel.L1, channel.get(),
                cu == null ? null : cu.id(), co == null ? null : co.id(), received, details.get(),
                sensitive.get() ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL, false, null);
        return vm.create(n);
    }

    private Instant now() {
        return store.database().clock().instant();
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public ObjectProperty<Contact> contactProperty() {
        return contact;
    }

    /** The time the customer asked, as typed: "09:30". */
    public StringProperty askedAtProperty() {
        return askedAt;
    }

    public BooleanProperty sensitiveProperty() {
        return sensitive;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    public ObservableList<Customer> customers() {
        return customers;
    }

    public ObservableList<Contact> contacts() {
        return contacts;
    }
}
