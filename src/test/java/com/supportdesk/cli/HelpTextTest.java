package com.supportdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help of every command renders without picocli warnings: a description is a format string, so a lone
 * {@code %} (as in "99.5 % target") makes picocli print "[picocli WARN] Could not format ..." on the console.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        Cli cli = new Cli(MutableClock.at("2026-11-25T10:00:00Z"));
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"--help"});
        collect(new Wiring(Map.of(), Clock.systemUTC())
                .commandLine(options -> { }), new ArrayList<>(), runs);
        PrintStream realErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        List<String> helps = new ArrayList<>();
        try {
            for (String[] args : runs) {
                Cli.Result r = cli.run(args);
                assertThat(r.exit()).as(String.join(" ", args)).isZero();
                helps.add(r.out());
            }
        } finally {
            System.setErr(realErr);
        }
        assertThat(runs).as("the root and its subcommands").hasSizeGreaterThan(10);
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN").doesNotContain("Could not format");
        assertThat(String.join("\n", helps)).contains("(99.5 % target)");
    }

    /** {@code [sub, ..., --help]} for every (nested) subcommand. */
    private static void collect(CommandLine cl, List<String> path, List<String[]> runs) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getValue().getCommandSpec().name().equals(e.getKey())) {
                continue; // an alias
            }
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            List<String> args = new ArrayList<>(sub);
            args.add("--help");
            runs.add(args.toArray(String[]::new));
            collect(e.getValue(), sub, runs);
        }
    }
}
