package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.Console;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What headless commands share: the root's options, the store, signing in. */
final class CliSupport {

    static final String PASSWORD_ENV = "SUPPORTDESK_PASSWORD";
    static final String NEW_PASSWORD_ENV = "SUPPORTDESK_NEW_PASSWORD";

    private CliSupport() {
    }

    /**
     * A store and who is using it. {@code agent} is {@link AccessPolicy#NOBODY} when nobody signed in (embedded
     * database only), and null for the team's mail gateway login (the system, not an agent).
     */
    record SignedIn(Store store, Agent agent) implements AutoCloseable {
        /** The agent as a reader: the gateway reads as nobody. */
        Agent reader() {
            return agent == null ? AccessPolicy.NOBODY : agent;
        }

        /** The agent as an actor: null (the system) for nobody and for the gateway. */
        Agent actor() {
            return agent == AccessPolicy.NOBODY ? null : agent;
        }

        @Override
        public void close() {
            store.close();
        }
    }

    static RootCommand root(CommandSpec spec) {
        return (RootCommand) spec.root().userObject();
    }

    /** The embedded database, without signing in (a team database refuses: every command there signs in). */
    static Store openStore(CommandSpec spec) {
        RootCommand root = root(spec);
        if (root.storeOpener().isTeam(root.global())) {
            throw new StoreException.AccessDenied("On a team database every command signs in: add --user USERNAME"
                    + " (password in " + PASSWORD_ENV + " or typed at the prompt).");
        }
        return root.storeOpener().open(root.global());
    }

    static boolean team(CommandSpec spec) {
        RootCommand root = root(spec);
        return root.storeOpener().isTeam(root.global());
    }

    static Map<String, String> env(CommandSpec spec) {
        return root(spec).environment();
    }

    /**
     * Opens the store signed in as {@code user} (password from SUPPORTDESK_PASSWORD or a prompt). On the embedded
     * database, without --user nobody is signed in ({@link AccessPolicy#NOBODY}, who sees no Official Sensitive
     * content); on a team database the user is required and PostgreSQL checks the password.
     */
    static SignedIn signIn(CommandSpec spec, String user) {
        RootCommand root = root(spec);
        boolean given = user != null && !user.isBlank();
        if (root.storeOpener().isTeam(root.global())) {
            if (!given) {
                throw new StoreException.AccessDenied("On a team database every command signs in: add --user USERNAME"
                        + " (password in " + PASSWORD_ENV + " or typed at the prompt).");
            }
            char[] password = secret(spec, PASSWORD_ENV, "Password for " + user + ": ");
            Store store = root.storeOpener().openTeam(root.global(), user.strip(), password);
            try {
                Agent agent = store.database().session().intake() ? null : store.agents().authenticate(user, password);
                if (agent != null && store.agents().mustChangePassword(agent.id())) {
                    throw new StoreException.AccessDenied(user.strip() + " signed in with a one-time password: choose your"
                            + " own first with 'support-desk agent password --user " + user.strip() + "' (new password in "
                            + NEW_PASSWORD_ENV + ").");
                }
                return new SignedIn(store, agent);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        Store store = root.storeOpener().open(root.global());
        try {
            if (!given) {
                return new SignedIn(store, AccessPolicy.NOBODY);
            }
            char[] password = secret(spec, PASSWORD_ENV, "Password for " + user + ": ");
            return new SignedIn(store, store.agents().authenticate(user, password));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Signs in to change one's own password, also with a one-time password that blocks everything else. */
    static SignedIn signInForPasswordChange(CommandSpec spec, String user) {
        RootCommand root = root(spec);
        if (!root.storeOpener().isTeam(root.global())) {
            return signInAgent(spec, user);
        }
        char[] password = secret(spec, PASSWORD_ENV, "Password for " + user + ": ");
        Store store = root.storeOpener().openTeam(root.global(), user.strip(), password);
        try {
            return new SignedIn(store, store.agents().findByUsername(user.strip()).orElseThrow(() ->
                    new StoreException.AccessDenied(user + " is not an agent of this desk.")));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** As {@link #signIn}, but the user must be signed in and an agent (not nobody, not the mail gateway). */
    static SignedIn signInAgent(CommandSpec spec, String user) {
        SignedIn s = signIn(spec, user);
        if (s.agent() == null || s.agent() == AccessPolicy.NOBODY) {
            s.close();
            throw new StoreException.AccessDenied(user == null || user.isBlank()
                    ? "Sign in with --user USERNAME (password in " + PASSWORD_ENV + " or typed at the prompt)."
                    : user + " is not an agent of this desk.");
        }
        return s;
    }

    /**
     * An agent allowed to administer. On an empty embedded database nobody needs to sign in (bootstrap: the
     * actor is null); a team database gets its first admin from 'team init'.
     */
    static SignedIn signInAdmin(CommandSpec spec, String user) {
        if (!team(spec)) {
            Store store = root(spec).storeOpener().open(root(spec).global());
            boolean empty;
            try {
                empty = store.agents().count() == 0;
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            if (empty) {
                return new SignedIn(store, null);
            }
            store.close();
            if (user == null || user.isBlank()) {
                throw new StoreException.AccessDenied("This database already has agents: sign in with --user USERNAME"
                        + " (password in " + PASSWORD_ENV + " or typed at the prompt).");
            }
        }
        SignedIn s = signInAgent(spec, user);
        if (!s.agent().admin()) {
            s.close();
            throw new StoreException.AccessDenied(s.agent().username() + " is not an admin.");
        }
        return s;
    }

    static char[] secret(CommandSpec spec, String envName, String prompt) {
        String fromEnv = env(spec).get(envName);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No password: set " + envName
                    + " or run in a terminal to be prompted.");
        }
        char[] pw = console.readPassword("%s", prompt);
        if (pw == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No password given.");
        }
        return pw;
    }
}
