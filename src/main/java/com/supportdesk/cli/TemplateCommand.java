package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.replies.ReplyFile;
import com.supportdesk.replies.SavedReplies;
import com.supportdesk.store.SavedReplyRepository;
import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code support-desk template}: saved replies (issue 18), as the composer offers and inserts them. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Saved replies: the team's (kept by team leads) and your own, with placeholders filled for a ticket.",
        subcommands = {TemplateCommand.Add.class, TemplateCommand.ListReplies.class, TemplateCommand.Render.class,
                TemplateCommand.Remove.class, TemplateCommand.Export.class, TemplateCommand.Import.class,
                TemplateCommand.Signature.class})
public final class TemplateCommand {

    private static final String USER = "Sign in as this agent (password in SUPPORTDESK_PASSWORD or typed at the prompt).";

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StoreException.NotFound("There is no file " + file + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line per reply: whose, name, shortcut, and what it is for. */
    static String describe(SavedReply r) {
        StringBuilder b = new StringBuilder(r.team() ? "team      " : "personal  ").append(r.name());
        if (r.shortcut() != null) {
            b.append("  ::").append(r.shortcut());
        }
        if (r.firstResponse()) {
            b.append("  [first response]");
        }
        if (r.sensitiveOk()) {
            b.append("  [Official Sensitive ok]");
        }
        return b.toString();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, resourceBundle = "com.supportdesk.cli.TemplateMessages",
            description = "Save a reply: your own, or with --team the team's (team leads).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--name", required = true, description = "What the reply is called (found by it as you type)")
        String name;
        @Option(names = "--body-file", required = true, paramLabel = "FILE", description = "The reply's text (UTF-8)")
        Path bodyFile;
        @Option(names = "--shortcut", paramLabel = "WORD", description = "A word to find it by: ::WORD in the composer")
        String shortcut;
        @Option(names = "--team", description = "The team's reply rather than your own (team leads)")
        boolean team;
        @Option(names = "--sensitive-ok", description = "May be used on Official Sensitive tickets")
        boolean sensitiveOk;
        @Option(names = "--first-response", description = "Offered first while a ticket waits for its first response")
        boolean firstResponse;
        @Option(names = "--user", required = true, description = USER)
        String user;

        @Override
        public Integer call() {
            String body = read(bodyFile);
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                SavedReply r = s.store().savedReplies().add(s.agent(), new SavedReply.Draft(name, shortcut, body, team,
                        sensitiveOk, firstResponse));
                spec.commandLine().getOut().println("Saved " + (r.team() ? "the team's" : "your") + " reply \u201c"
                        + r.name() + "\u201d" + (r.shortcut() == null ? "" : " (::" + r.shortcut() + ")") + ".");
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the team's replies and your own.")
    static final class ListReplies implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--user", required = true, description = USER)
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                List<SavedReply> all = s.store().savedReplies().list(s.agent());
                PrintWriter out = spec.commandLine().getOut();
                if (all.isEmpty()) {
                    out.println("No saved replies yet: add one with 'support-desk template add'.");
                }
                all.forEach(r -> out.println(describe(r)));
                return 0;
            }
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Print a saved reply filled for a ticket, exactly as the composer would insert it (an Official"
                    + " Sensitive ticket only for cleared agents, with a reply marked for such tickets; the read is"
                    + " recorded in the access audit).")
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The reply's name or shortcut word")
        String name;
        @Option(names = "--ticket", required = true, paramLabel = "SD-n", converter = Converters.RefConverter.class)
        long ticket;
        @Option(names = "--user", required = true, description = USER)
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                spec.commandLine().getOut().println(new SavedReplies(s.store()).render(s.agent(), name, ticket,
                        "template render"));
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete a saved reply: your own, or the team's (team leads).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The reply's name or shortcut word")
        String name;
        @Option(names = "--user", required = true, description = USER)
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                SavedReply r = s.store().savedReplies().require(s.agent(), name);
                s.store().savedReplies().delete(s.agent(), r.id());
                spec.commandLine().getOut().println("Deleted " + (r.team() ? "the team's" : "your") + " reply \u201c"
                        + r.name() + "\u201d.");
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the team's replies to a JSON file (to keep them under version control).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--file", required = true, paramLabel = "F.json")
        Path file;
        @Option(names = "--user", required = true, description = USER)
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                List<SavedReply> team = s.store().savedReplies().team(s.agent());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    ReplyFile.write(team, w);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
                }
                spec.commandLine().getOut().println("Wrote " + team.size() + " team repl" + (team.size() == 1 ? "y" : "ies")
                        + " to " + file + ".");
                return 0;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Make the team's replies what a file written by 'template export' says (team leads): replies"
                    + " are matched by name; all of it or, on any problem, nothing.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--file", required = true, paramLabel = "F.json")
        Path file;
        @Option(names = "--prune", description = "Also delete the team's replies the file does not name")
        boolean prune;
        @Option(names = "--user", required = true, description = "A team lead (password in SUPPORTDESK_PASSWORD or typed"
                + " at the prompt).")
        String user;

        @Override
        public Integer call() {
            List<SavedReply.Draft> drafts;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                drafts = ReplyFile.read(r);
            } catch (NoSuchFileException e) {
                throw new StoreException.NotFound("There is no file " + file + ".");
            } catch (StoreException.Invalid e) {
                throw new StoreException.Invalid(file + ", " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                SavedReplyRepository.ImportResult r = s.store().savedReplies().importTeam(s.agent(), drafts, prune);
                spec.commandLine().getOut().println("Imported " + file + ": " + r.added() + " added, " + r.changed()
                        + " changed, " + r.unchanged() + " unchanged" + (prune ? ", " + r.removed() + " deleted" : "") + ".");
                return 0;
            }
        }
    }

    @Command(name = "signature", mixinStandardHelpOptions = true, resourceBundle = "com.supportdesk.cli.TemplateMessages",
            description = "Show your signature (added below every reply you send), or set it from a file.")
    static final class Signature implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--file", paramLabel = "FILE", description = "The new signature (UTF-8); an empty file removes it")
        Path file;
        @Option(names = "--user", required = true, description = USER)
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                Agent agent = s.agent();
                if (file != null) {
                    s.store().savedReplies().setSignature(agent, read(file));
                }
                spec.commandLine().getOut().println(new SavedReplies(s.store()).signature(agent));
                return 0;
            }
        }
    }
}
