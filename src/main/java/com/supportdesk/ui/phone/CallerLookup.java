package com.supportdesk.ui.phone;

import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.phone.CallerLines;
import com.supportdesk.phone.IncomingCall;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Caller lookup as you type: phone number in any formatting, name, e-mail or customer. Each change of the
 * query runs a search in the background; a result is only shown if the query has not changed since.
 * Shared by the call console and the chat log.
 */
public final class CallerLookup {

    static final int LIMIT = CallerLines.MATCHES;

    private final Store store;
    private final TaskExecutor executor;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<ContactMatch> matches = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ContactMatch> caller = new ReadOnlyObjectWrapper<>(this, "caller");
    private final ObjectProperty<Consumer<Throwable>> onError = new SimpleObjectProperty<>(e -> { });
    private long generation;
    /** An incoming call whose caller is picked from the first result, when it is the whole number. */
    private IncomingCall incoming;

    public CallerLookup(Store store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        query.addListener((obs, old, now) -> search(now));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ContactMatch> matches() {
        return matches;
    }

    public ReadOnlyObjectProperty<ContactMatch> callerProperty() {
        return caller.getReadOnlyProperty();
    }

    public ContactMatch caller() {
        return caller.get();
    }

    void setOnError(Consumer<Throwable> handler) {
        onError.set(handler);
    }

    /** Chooses a caller (from the matches, or one just added). */
    public void choose(ContactMatch match) {
        caller.set(match);
        if (match != null) {
            matches.clear();
        }
    }

    /** The first match, if any: what Enter in the lookup field picks. */
    public Optional<ContactMatch> first() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }

    /**
     * Looks up an incoming call's number as if typed, and picks the caller when exactly one contact has that whole
     * number (two contacts on one switchboard number are listed for the operator to pick).
     */
    public void lookUpCaller(IncomingCall call) {
        incoming = call;
        query.set(call.from());
    }

    private void search(String text) {
        long ticket = ++generation;
        String q = text == null ? "" : text.strip();
        IncomingCall call = incoming != null && incoming.from().equals(q) ? incoming : null;
        incoming = null;
        if (q.isEmpty()) {
            matches.clear();
            return;
        }
        BackgroundTask.wrap(() -> {
            List<ContactMatch> found = store.contacts().search(q, LIMIT);
            if (call == null) {
                return new Found(found, null);
            }
            String region = store.contacts().defaultRegion();
            List<ContactMatch> same = found.stream().filter(m -> call.isNumberOf(m, region)).toList();
            return new Found(found, same.size() == 1 ? same.get(0) : null);
        }).onSuccess(found -> {
            if (ticket == generation) {
                matches.setAll(found.matches());
                if (found.caller() != null && caller.get() == null) {
                    choose(found.caller());
                }
            }
        }).onFailure(e -> onError.get().accept(e)).executeWith(executor);
    }

    private record Found(List<ContactMatch> matches, ContactMatch caller) {
    }

    /** Loads a caller by contact id (restoring a draft, or the contact of the ticket an outbound call is for). */
    public void restore(Long contactId, Runnable then) {
        if (contactId == null) {
            then.run();
            return;
        }
        BackgroundTask.wrap(() -> match(store, contactId)).onSuccess(m -> {
            m.ifPresent(this::choose);
            then.run();
        }).onFailure(e -> onError.get().accept(e)).executeWith(executor);
    }

    static Optional<ContactMatch> match(Store store, long contactId) {
        Optional<Contact> contact = store.contacts().byId(contactId);
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        Optional<Customer> customer = contact.get().customerId() == null ? Optional.empty()
                : store.customers().byId(contact.get().customerId());
        return Optional.of(new ContactMatch(contact.get(), customer.map(Customer::name).orElse(null),
                customer.map(Customer::government).orElse(false)));
    }

    /** One line about a caller: name, customer, role, government flag, phone (see {@link CallerLines#describe}). */
    public static String describe(ContactMatch m) {
        return CallerLines.describe(m);
    }

    public static String roleText(ContactRole role) {
        return CallerLines.roleText(role);
    }

    static List<ContactRole> roles() {
        return List.of(ContactRole.ADMINISTRATOR, ContactRole.REGISTERED_USER);
    }
}
