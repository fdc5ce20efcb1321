package com.supportdesk.ui.admin;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskViewModel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Managing agents (admins): create one with an initial password, edit clearance, support level, team lead, admin
 * and active, and reset a password. The store checks every rule (admins only, no duplicate user names, an admin
 * cannot demote or deactivate themselves, password strength) and its messages are shown as they are. No Nodes here.
 */
public final class AgentsViewModel extends TaskViewModel {

    private final Store store;
    private final Agent admin;

    private final ObservableList<Agent> agents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Agent> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final BooleanProperty cleared = new SimpleBooleanProperty(this, "cleared");
    private final ObjectProperty<SupportLevel> level = new SimpleObjectProperty<>(this, "level", SupportLevel.L1);
    private final BooleanProperty lead = new SimpleBooleanProperty(this, "lead");
    private final BooleanProperty isAdmin = new SimpleBooleanProperty(this, "admin");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating", true);

    public AgentsViewModel(Store store, Agent admin, TaskExecutor executor) {
        super(executor);
        this.store = store;
        this.admin = admin;
    }

    public CompletableFuture<Void> load() {
        return background(() -> store.agents().all()).thenAccept(agents::setAll);
    }

    /** Edits an existing agent (null: a new one). */
    public void edit(Agent a) {
        editing.set(a);
        creating.set(a == null);
        username.set(a == null ? "" : a.username());
        displayName.set(a == null ? "" : a.displayName());
        cleared.set(a != null && a.cleared());
        level.set(a == null ? SupportLevel.L1 : a.level());
        lead.set(a != null && a.lead());
        isAdmin.set(a != null && a.admin());
        active.set(a == null || a.active());
        password.set("");
        repeat.set("");
        setError("");
        setStatus("");
    }

    /** Creates the new agent or saves the edited one; the future fails with a message for people. */
    public CompletableFuture<Agent> save() {
        AgentSpec spec;
        char[] pw = null;
        try {
            spec = new AgentSpec(username.get(), displayName.get(), cleared.get() ? Clearance.CLEARED : Clearance.NONE,
                    level.get(), lead.get(), isAdmin.get(), active.get());
            if (creating.get()) {
                pw = checkedPassword();
            }
        } catch (RuntimeException e) {
            return refuse(e);
        }
        Agent before = editing.get();
        char[] initial = pw;
        return background(() -> {
            try {
                return before == null ? store.agents().create(admin, spec, initial)
                        : store.agents().update(admin, before.id(), spec);
            } finally {
                if (initial != null) {
                    Arrays.fill(initial, '\0');
                }
            }
        }).thenApply(saved -> {
            replace(saved);
            edit(saved);
            setStatus(before == null ? "Created " + saved.displayName() + " (" + saved.username() + "). They can sign in"
                    + " with the initial password now." : "Saved " + saved.displayName() + ".");
            return saved;
        });
    }

    /** Sets a new password for the agent being edited. */
    public CompletableFuture<Void> resetPassword() {
        Agent a = editing.get();
        char[] pw;
        try {
            if (a == null) {
                throw new StoreException.Invalid("Choose the agent whose password to reset.");
            }
            pw = checkedPassword();
        } catch (RuntimeException e) {
            return refuse(e);
        }
        password.set("");
        repeat.set("");
        return background(() -> {
            try {
                store.agents().resetPassword(admin, a.id(), pw);
                return (Void) null;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }).thenRun(() -> setStatus("New password set for " + a.displayName()
                + ". Tell them in person or by phone, not by e-mail."));
    }

    private char[] checkedPassword() {
        String p = password.get() == null ? "" : password.get();
        if (p.isEmpty()) {
            throw new StoreException.Invalid("Type a password (twice).");
        }
        if (!p.equals(repeat.get())) {
            throw new StoreException.Invalid("The two passwords are not the same.");
        }
        return p.toCharArray();
    }

    private void replace(Agent saved) {
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).id() == saved.id()) {
                agents.set(i, saved);
                return;
            }
        }
        agents.add(saved);
        agents.sort(Comparator.comparing(Agent::displayName, String.CASE_INSENSITIVE_ORDER));
    }

    // ---------------------------------------------------------------- accessors

    public ObservableList<Agent> agents() {
        return agents;
    }

    public ReadOnlyObjectProperty<Agent> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public BooleanProperty clearedProperty() {
        return cleared;
    }

    public ObjectProperty<SupportLevel> levelProperty() {
        return level;
    }

    public BooleanProperty leadProperty() {
        return lead;
    }

    public BooleanProperty adminProperty() {
        return isAdmin;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }




    /** "Level 2 · cleared · lead · admin". */
    public static String roles(Agent a) {
        StringBuilder b = new StringBuilder();
        if (a.lead()) {
            b.append("Team lead");
        }
        if (a.admin()) {
            b.append(b.length() > 0 ? ", " : "").append("Admin");
        }
        return b.length() == 0 ? "\u2014" : b.toString();
    }
}
