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

    static RootCommand root(CommandSpec spec) {
        return (RootCommand) spec.root().userObject();
    }

    static Store openStore(CommandSpec spec) {
        RootCommand root = root(spec);
        return root.storeOpener().open(root.global());
    }

    static Map<String, String> env(CommandSpec spec) {
        return root(spec).environment();
    }

    /**
     * Signs in the user named by --user (password from SUPPORTDESK_PASSWORD or a prompt). Without --user the
     * reader is {@link AccessPolicy#NOBODY}, who sees no Official Sensitive content.
     */
    static Agent signIn(CommandSpec spec, Store store, String user) {
        if (user == null || user.isBlank()) {
            return AccessPolicy.NOBODY;
        }
        char[] password = secret(spec, PASSWORD_ENV, "Password for " + user + ": ");
        return store.agents().authenticate(user, password);
    }

    /** An agent allowed to administer; on an empty database nobody needs to sign in (bootstrap). */
    static Agent signInAdmin(CommandSpec spec, Store store, String user) {
        if (store.agents().count() == 0) {
            return null;
        }
        if (user == null || user.isBlank()) {
            throw new StoreException.AccessDenied("This database already has agents: sign in with --user USERNAME"
                    + " (password in " + PASSWORD_ENV + " or typed at the prompt).");
        }
        Agent a = signIn(spec, store, user);
        if (!a.admin()) {
            throw new StoreException.AccessDenied(a.username() + " is not an admin.");
        }
        return a;
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
