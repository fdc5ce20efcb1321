package com.supportdesk.ui.signin;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.ui.signin.SignInGate.SignedIn;
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
 * Signing in through a {@link SignInGate} (this desktop's database, or a team database that checks the password
 * itself); on an empty embedded database, creating the first admin or trying the demo data; after a one-time
 * password, choosing one's own. Passwords are handed on as char arrays and wiped afterwards.
 */
public final class SignInViewModel {

    /** Fills a demo database with demo data and returns its sign-in ({@code lead}). Runs in the background. */
    @FunctionalInterface
    public interface DemoSeeder {
        SignedIn seed();
    }

    private final SignInGate gate;
    private final TaskExecutor executor;
    private final DemoSeeder demo;
    private final Consumer<SignedIn> onSignedIn;
    /** Signed in with a one-time password: waiting for the agent's own. */
    private SignedIn pending;

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
    private final ReadOnlyBooleanWrapper mustChange = new ReadOnlyBooleanWrapper(this, "mustChange");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final StringProperty newRepeat = new SimpleStringProperty(this, "newRepeat", "");

    public SignInViewModel(SignInGate gate, TaskExecutor executor, boolean demoMode, DemoSeeder demo,
                           Consumer<SignedIn> onSignedIn) {
        this.gate = gate;
        this.executor = executor;
        this.demo = demo;
        this.onSignedIn = onSignedIn;
        this.demoMode.set(demoMode && !gate.team());
    }

    /** Shows a notice in the message line (before anything is typed); blank for none. */
    public void tell(String notice) {
        if (notice != null && !notice.isBlank()) {
            state.setStatus(notice);
        }
    }

    /** Where this screen signs in: the team database's address, or "" for this computer's own desk. */
    public String where() {
        return gate.where();
    }

    /** Finds out whether the database has no agents yet (then the first-admin form is shown). */
    public CompletableFuture<Boolean> checkFirstRun() {
        return executor.supply(gate::firstRun).thenApply(first -> {
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
                return gate.signIn(user, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, true);
    }

    /**
     * After a one-time password: sets the agent's own, then signs in with it (on a team database the new password
     * is the login's, so the session is opened again with it).
     */
    public CompletableFuture<Agent> chooseNewPassword() {
        SignedIn was = pending;
        String pw = newPassword.get() == null ? "" : newPassword.get();
        if (was == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (pw.isEmpty()) {
            state.setStatus("Choose a new password.");
            return CompletableFuture.completedFuture(null);
        }
        if (!pw.equals(newRepeat.get())) {
            state.setStatus("The two passwords differ.");
            return CompletableFuture.completedFuture(null);
        }
        char[] chars = pw.toCharArray();
        return run(() -> {
            try {
                was.store().agents().resetPassword(was.agent(), was.agent().id(), chars);
                if (gate.team()) {
                    was.store().close();
                    return gate.signIn(was.agent().username(), chars);
                }
                return new SignedIn(was.store(), was.agent(), false);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }, false).whenComplete((a, err) -> {
            newPassword.set("");
            newRepeat.set("");
        });
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
                return gate.createFirstAdmin(new AgentSpec(user, name, Clearance.NONE, SupportLevel.L3, true, true, true),
                        chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }, false);
    }

    public CompletableFuture<Agent> tryDemo() {
        state.setStatus("Filling the database with demo data\u2026");
        return run(() -> demo.seed(), false);
    }

    /**
     * Signs in with what {@code work} returns; a failure's message stays on the screen, and the future gives null.
     * A one-time password holds the sign-in back until the agent has chosen their own.
     */
    private CompletableFuture<Agent> run(Callable<SignedIn> work, boolean clearPassword) {
        return BackgroundTask.wrap(work).trackedBy(state)
                .onFinished(() -> {
                    if (clearPassword) {
                        password.set("");
                    }
                })
                .onSuccess(signedIn -> {
                    if (signedIn.mustChangePassword()) {
                        pending = signedIn;
                        mustChange.set(true);
                        state.setStatus("You signed in with a one-time password: choose your own to go on.");
                        return;
                    }
                    pending = null;
                    mustChange.set(false);
                    state.setStatus("");
                    onSignedIn.accept(signedIn);
                })
                .executeWith(executor)
                .thenApply(SignedIn::agent)
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

    /** True while a one-time password waits for the agent's own (the new-password form is shown). */
    public ReadOnlyBooleanProperty mustChangeProperty() {
        return mustChange.getReadOnlyProperty();
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty newRepeatProperty() {
        return newRepeat;
    }
}
