package com.supportdesk.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A child process that is the desk of a data folder as a desktop is ({@link DeskInstance#claim}), without a window:
 * {@code FirstDesk DIR} prints READY, then one line per request it carries out ({@code open} or {@code call} with its
 * arguments), and waits to be killed.
 */
public final class FirstDesk {

    public static void main(String[] args) throws Exception {
        DeskChannel.Dispatcher d = new DeskChannel.Dispatcher()
                .on(DeskRequests.OPEN, r -> done("open", r.args(), "came forward"))
                .on("call", r -> done("call", r.args(), "console open for " + r.arg("from")));
        DeskInstance.Claim claim = DeskInstance.claim(Path.of(args[0]), new DeskChannel.Request(DeskRequests.OPEN, Map.of()),
                d, Duration.ofSeconds(5));
        if (!(claim instanceof DeskInstance.Held)) {
            System.out.println("NOT FIRST " + claim);
            return;
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }

    private static synchronized DeskChannel.Reply done(String type, Map<String, String> args, String message) {
        System.out.println(type + " " + new TreeMap<>(args));
        System.out.flush();
        return DeskChannel.Reply.done(message);
    }
}
