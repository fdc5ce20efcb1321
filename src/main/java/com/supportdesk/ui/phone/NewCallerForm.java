package com.supportdesk.ui.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.PhoneNumbers;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.TaskExecutor;
import java.util.Optional;
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
 * The call console's "new caller" form: a caller the lookup did not find becomes a contact (name, phone, e-mail,
 * customer, role) and is chosen for the call. Filled from what was typed in the lookup. Holds no Nodes.
 */
public final class NewCallerForm {

    private final Store store;
    private final Agent operator;
    private final TaskExecutor executor;

    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>(this, "customer");
    private final ObjectProperty<ContactRole> role = new SimpleObjectProperty<>(this, "role", ContactRole.REGISTERED_USER);
    private final ObservableList<Customer> customers = FXCollections.observableArrayList();

    NewCallerForm(Store store, Agent operator, TaskExecutor executor) {
        this.store = store;
        this.operator = operator;
        this.executor = executor;
    }

    /** Loads the customers a new caller can belong to. */
    CompletableFuture<?> loadCustomers() {
        return BackgroundTask.wrap(() -> store.customers().all()).onSuccess(customers::setAll).executeWith(executor);
    }

    /** Opens the form, filled from what was typed in the lookup: a phone number, an e-mail address or a name. */
    void open(String lookupQuery) {
        String q = lookupQuery == null ? "" : lookupQuery.strip();
        if (!q.isEmpty()) {
            if (PhoneNumbers.looksLikePhone(q)) {
                phone.set(q);
            } else if (q.contains("@")) {
                email.set(q);
            } else {
                name.set(q);
            }
        }
        open.set(true);
    }

    /** What stops the caller being added, if anything. */
    Optional<String> problem() {
        return name.get() == null || name.get().isBlank() ? Optional.of("The new caller needs a name.") : Optional.empty();
    }

    /** Stores the caller as a contact (in the background); the form is emptied and closed once it is stored. */
    CompletableFuture<ContactMatch> add() {
        Customer c = customer.get();
        String n = name.get();
        String e = email.get();
        String p = phone.get();
        ContactRole r = role.get();
        return BackgroundTask.wrap(() -> store.contacts().create(operator, c == null ? null : c.id(), n, e, p, r))
                .executeWith(executor)
                .thenApply(contact -> {
                    name.set("");
                    phone.set("");
                    email.set("");
                    open.set(false);
                    return new ContactMatch(contact, c == null ? null : c.name(), c != null && c.government());
                });
    }

    void close() {
        open.set(false);
    }

    /** True while the form is shown. */
    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public ObjectProperty<ContactRole> roleProperty() {
        return role;
    }

    public ObservableList<Customer> customers() {
        return customers;
    }
}
