package com.supportdesk.ui.signin;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskState;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Signing in against the store; on an empty database, creating the first admin or trying the demo data.
 * Passwords are handed to the store as char arrays and wiped afterwards.
 */
public final class SignInViewModel {

    /** Fills the database with demo data and returns the agent to sign in as ({@code lead}). Runs in the background. */
    @FunctionalInterface
    public interface DemoSeeder {
        Agent seed();
    }

    private final Store store;
    private final TaskExecutor executor;
    private final DemoSeeder demo;
    private final Consumer<Agent> onSignedIn;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty adminUsername = new SimpleStringProperty(this, "adminUsername", "");
    private final StringProperty adminName = new SimpleStringProperty(this, "adminName", "");
    private final StringProperty adminPassword = new SimpleStringProperty(this, "adminPassword", "");
    private final StringProperty adminRepeat = new SimpleStringProperty(this, "adminRepeat", "");
    /** The one message line (what is wrong, or what is happening) and the busy flag. */
    private final TaskState state = TaskState.oneLine(this);
    private final ReadOnlyBooleanWrapper firstRun = new ReadOnlyBooleanWrapper(this, "firstRun");
    private final BooleanProperty demoMode = new SimpleBooleanProperty(this, "demoMode");

    public SignInViewModel(Store store, TaskExecutor executor, boolean demoMode, DemoSeeder demo, Consumer<Agent> onSignedIn) {
        this.store = store;
        this.executor = executor;
        this.demo = demo;
        this.onSignedIn = onSignedIn;
        this.demoMode.set(demoMode);
    }

    /** Finds out whether the database has no agents yet (then the first-admin form is shown). */
    public CompletableFuture<Boolean> checkFirstRun() {
        return executor.supply(() -> store.agents().count() == 0).thenApply(first -> {
            firstRun.set(first);
            return first;
        });
    }

    public CompletableFuture<Agent> signIn() {
        String user = username.get() == null ? "" : username.get().strip();
        if (user.isEmpty()) {
            state.setStatus("Type your user name.");
            return CompletableFuture.completedFuture(null);
        }
        char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
        return run(() -> {
            try {
                return store.agents().authenticate(user, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, true);
    }

    public CompletableFuture<Agent> createFirstAdmin() {
        String user = adminUsername.get() == null ? "" : adminUsername.get().strip();
        String pw = adminPassword.get() == null ? "" : adminPassword.get();
        if (user.isEmpty()) {
            state.setStatus("Choose a user name for the admin.");
            return CompletableFuture.completedFuture(null);
        }
        if (pw.isEmpty()) {
            state.setStatus("Choose a password.");
            return CompletableFuture.completedFuture(null);
        }
        if (!pw.equals(adminRepeat.get())) {
            state.setStatus("The two passwords differ.");
            return CompletableFuture.completedFuture(null);
        }
        char[] chars = pw.toCharArray();
        String name = adminName.get();
        return run(() -> {
            try {
                return store.agents().create(null, new AgentSpec(user, name, Clearance.NONE, SupportLevel.L3, true, true, true),
                        chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }, false);
    }

    public CompletableFuture<Agent> tryDemo() {
        state.setStatus("Filling the database with demo data\u2026");
        return run(demo::seed, false);
    }

    /** Signs in with what {@code work} returns; a failure's message stays on the screen, and the future gives null. */
    private CompletableFuture<Agent> run(Callable<Agent> work, boolean clearPassword) {
        return BackgroundTask.wrap(work).trackedBy(state)
                .onFinished(() -> {
                    if (clearPassword) {
                        password.set("");
                    }
                })
                .onSuccess(agent -> {
                    state.setStatus("");
                    onSignedIn.accept(agent);
                })
                .executeWith(executor)
                .exceptionally(err -> null);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty adminUsernameProperty() {
        return adminUsername;
    }

    public StringProperty adminNameProperty() {
        return adminName;
    }

    public StringProperty adminPasswordProperty() {
        return adminPassword;
    }

    public StringProperty adminRepeatProperty() {
        return adminRepeat;
    }

    public ReadOnlyStringProperty messageProperty() {
        return state.statusProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return state.busyProperty();
    }

    public ReadOnlyBooleanProperty firstRunProperty() {
        return firstRun.getReadOnlyProperty();
    }

    public BooleanProperty demoModeProperty() {
        return demoMode;
    }
}
