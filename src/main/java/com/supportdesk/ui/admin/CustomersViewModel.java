package com.supportdesk.ui.admin;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TrainingRepository;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskViewModel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Customers (name, UK Government flag, contracted training sessions, with contracted vs delivered vs remaining) and
 * each customer's contacts (name, role, e-mail, phone), for admins. Store messages are shown as they are. No Nodes.
 */
public final class CustomersViewModel extends TaskViewModel {

    private final Store store;
    private final Agent admin;
    private final Clock clock;
    private final ZoneId zone;

    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final Map<Long, TrainingRepository.Summary> training = new HashMap<>();
    private final ReadOnlyObjectWrapper<Customer> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty government = new SimpleBooleanProperty(this, "government");
    private final StringProperty sessions = new SimpleStringProperty(this, "sessions", "0");
    private final ReadOnlyStringWrapper trainingText = new ReadOnlyStringWrapper(this, "trainingText", "");

    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Contact> editingContact = new ReadOnlyObjectWrapper<>(this, "editingContact");
    private final StringProperty contactName = new SimpleStringProperty(this, "contactName", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final ObjectProperty<ContactRole> role = new SimpleObjectProperty<>(this, "role", ContactRole.REGISTERED_USER);

    private final ReadOnlyStringWrapper contactError = new ReadOnlyStringWrapper(this, "contactError", "");
    private final ReadOnlyStringWrapper contactStatus = new ReadOnlyStringWrapper(this, "contactStatus", "");

    public CustomersViewModel(Store store, Agent admin, TaskExecutor executor, Clock clock, ZoneId zone) {
        super(executor);
        this.store = store;
        this.admin = admin;
        this.clock = clock;
        this.zone = zone;
    }

    private record Loaded(List<Customer> customers, Map<Long, TrainingRepository.Summary> training) {
    }

    public CompletableFuture<Void> load() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return background(() -> {
            List<Customer> list = store.customers().all();
            Map<Long, TrainingRepository.Summary> t = new HashMap<>();
            for (Customer c : list) {
                t.put(c.id(), store.training().summary(c.id(), today));
            }
            return new Loaded(list, t);
        }).thenAccept(l -> {
            training.clear();
            training.putAll(l.training());
            customers.setAll(l.customers());
            Customer e = editing.get();
            if (e != null) {
                l.customers().stream().filter(c -> c.id() == e.id()).findFirst().ifPresent(this::edit);
            }
        });
    }

    // ---------------------------------------------------------------- customers

    /** Edits a customer and shows its contacts (null: a new customer). */
    public void edit(Customer c) {
        editing.set(c);
        name.set(c == null ? "" : c.name());
        government.set(c != null && c.government());
        sessions.set(c == null ? "0" : Integer.toString(c.trainingSessionsContracted()));
        trainingText.set(c == null ? "" : trainingSummary(c));
        setError("");
        setStatus("");
        editContact(null);
        contacts.clear();
        if (c != null) {
            executor.supply(() -> store.contacts().forCustomer(c.id())).thenAccept(list -> {
                if (editing.get() != null && editing.get().id() == c.id()) {
                    contacts.setAll(list);
                }
            });
        }
    }

    /** "2 of 4 delivered · 2 remaining · 1 planned". */
    public String trainingSummary(Customer c) {
        TrainingRepository.Summary s = training.get(c.id());
        if (s == null) {
            return c.trainingSessionsContracted() + " contracted";
        }
        return s.delivered() + " of " + s.contracted() + " delivered \u00b7 " + s.remaining() + " remaining"
                + (s.planned() > 0 ? " \u00b7 " + s.planned() + " planned" : "");
    }

    public CompletableFuture<Customer> save() {
        int n;
        try {
            n = parseSessions(sessions.get());
            if (name.get() == null || name.get().isBlank()) {
                throw new StoreException.Invalid("A customer needs a name.");
            }
        } catch (RuntimeException e) {
            return refuse(e);
        }
        Customer before = editing.get();
        String nm = name.get().strip();
        boolean gov = government.get();
        return background(() -> before == null ? store.customers().create(admin, nm, gov, n)
                : store.customers().update(admin, before.id(), nm, gov, n)).thenCompose(saved -> {
                    editing.set(saved);
                    return load().thenApply(v -> {
                        setStatus((before == null ? "Added " : "Saved ") + saved.name() + ".");
                        return saved;
                    });
                });
    }

    static int parseSessions(String text) {
        String t = text == null ? "" : text.strip();
        try {
            int n = Integer.parseInt(t.isEmpty() ? "0" : t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new StoreException.Invalid("Contracted training sessions: a whole number, 0 or more ('" + t
                    + "' is not).");
        }
    }

    // ---------------------------------------------------------------- contacts

    /** Edits a contact of the customer (null: a new one). */
    public void editContact(Contact c) {
        editingContact.set(c);
        contactName.set(c == null ? "" : c.name());
        email.set(c == null || c.email() == null ? "" : c.email());
        phone.set(c == null || c.phone() == null ? "" : c.phone());
        role.set(c == null ? ContactRole.REGISTERED_USER : c.role());
        contactError.set("");
        contactStatus.set("");
    }

    public CompletableFuture<Contact> saveContact() {
        Customer customer = editing.get();
        if (customer == null) {
            StoreException e = new StoreException.Invalid("Choose or save the customer first.");
            contactError.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        String nm = contactName.get() == null ? "" : contactName.get().strip();
        String em = email.get() == null ? "" : email.get().strip();
        String ph = phone.get() == null ? "" : phone.get().strip();
        if (nm.isEmpty()) {
            contactError.set("A contact needs a name.");
            return CompletableFuture.failedFuture(new StoreException.Invalid("A contact needs a name."));
        }
        if (!em.isEmpty() && !em.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            contactError.set("'" + em + "' is not an e-mail address.");
            return CompletableFuture.failedFuture(new StoreException.Invalid(contactError.get()));
        }
        ContactRole r = role.get();
        Contact before = editingContact.get();
        setBusy(true);
        contactError.set("");
        return executor.supply(() -> before == null
                ? store.contacts().create(admin, customer.id(), nm, em, ph, r)
                : store.contacts().update(admin, before.id(), customer.id(), nm, em, ph, r, true))
                .whenComplete((saved, err) -> {
                    setBusy(false);
                    if (err != null) {
                        contactError.set(Errors.plain(err));
                        return;
                    }
                    boolean found = false;
                    for (int i = 0; i < contacts.size(); i++) {
                        if (contacts.get(i).id() == saved.id()) {
                            contacts.set(i, saved);
                            found = true;
                        }
                    }
                    if (!found) {
                        contacts.add(saved);
                        contacts.sort(Comparator.comparing(Contact::name, String.CASE_INSENSITIVE_ORDER));
                    }
                    editContact(saved);
                    contactStatus.set((before == null ? "Added " : "Saved ") + saved.name() + ".");
                });
    }

    public static String roleText(ContactRole r) {
        return r == ContactRole.ADMINISTRATOR ? "Administrator" : "Registered user";
    }

    // ---------------------------------------------------------------- accessors

    public ObservableList<Customer> customers() {
        return customers;
    }

    public ReadOnlyObjectProperty<Customer> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty governmentProperty() {
        return government;
    }

    public StringProperty sessionsProperty() {
        return sessions;
    }

    public ReadOnlyStringProperty trainingTextProperty() {
        return trainingText.getReadOnlyProperty();
    }

    public ObservableList<Contact> contacts() {
        return contacts;
    }

    public ReadOnlyObjectProperty<Contact> editingContactProperty() {
        return editingContact.getReadOnlyProperty();
    }

    public StringProperty contactNameProperty() {
        return contactName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<ContactRole> roleProperty() {
        return role;
    }




    public ReadOnlyStringProperty contactErrorProperty() {
        return contactError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contactStatusProperty() {
        return contactStatus.getReadOnlyProperty();
    }
}
