package com.supportdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code support-desk sla}: response deadlines from the command line. */
@Command(name = "sla", mixinStandardHelpOptions = true,
        description = "Compute response deadlines under the business-hours policy.")
public final class SlaCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("sla: not implemented yet");
        return 1;
    }
}
