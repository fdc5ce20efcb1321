package com.supportdesk.testing;

import com.supportdesk.app.Wiring;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process with captured output; the GUI must never start. */
public final class Cli {

    public record Result(int exit, String out, String err) {
    }

    private final Map<String, String> env = new HashMap<>();
    private final Clock clock;

    public Cli(Clock clock) {
        this.clock = clock;
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Result run(String... args) {
        CommandLine cli = new Wiring(Map.copyOf(env), clock).commandLine(options -> {
            throw new AssertionError("the desktop window must not start for: " + String.join(" ", args));
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
