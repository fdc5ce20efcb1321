package com.supportdesk.cli;

import com.supportdesk.phone.IncomingCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code support-desk call --from NUMBER [--to NUMBER] [--name NAME]}: what a softphone or PBX client runs when a call
 * comes in. The running desk of this OS user and data folder opens its call console with the timer started at this
 * moment and the caller already looked up; without a running desk, the desk starts and opens the console once
 * someone has signed in. A {@code tel:}, {@code callto:} or {@code sip:} link given as the only argument (how the
 * installers' link handlers start the desk) is read as {@code call --from} with the link's number.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "An incoming call: open the call console in the running desk (or start the desk with it), the"
                + " timer started now and the caller looked up. For softphones and PBX clients.")
public final class CallCommand implements Callable<Integer> {

    /** The request the running desk answers (app.DeskChannel). */
    public static final String REQUEST = "call";

    @Spec
    CommandSpec spec;
    @Option(names = "--from", required = true, paramLabel = "NUMBER",
            description = "The caller's number in any format (+44 20 7946 0018, 020 7946 0018); empty or 'anonymous'"
                    + " for a withheld number.")
    String from;
    @Option(names = "--to", paramLabel = "NUMBER", description = "The number that was dialled (which support line).")
    String to;
    @Option(names = "--name", paramLabel = "NAME", description = "The caller's name as the phone system shows it.")
    String name;

    @Override
    public Integer call() {
        RootCommand root = CliSupport.root(spec);
        IncomingCall call = new IncomingCall(from, to, name, root.storeOpener().clock().instant());
        Optional<String> answered = root.storeOpener().askHolder(root.global(), REQUEST, call.toArgs());
        if (answered.isPresent()) {
            spec.commandLine().getOut().println(answered.get());
            return 0;
        }
        return root.desktop().launch(root.global(), List.of(), call);
    }

    /**
     * The program arguments with a phone link read as a call: {@code [--data-dir D] tel:+44…} becomes
     * {@code [--data-dir D] call --from +44…}. Anything else is returned as it is.
     */
    public static String[] readLinks(String[] args) {
        if (args.length == 0 || !IncomingCall.isLink(args[args.length - 1])) {
            return args;
        }
        List<String> out = new ArrayList<>(List.of(args).subList(0, args.length - 1));
        out.addAll(List.of(REQUEST, "--from", IncomingCall.numberOf(args[args.length - 1])));
        return out.toArray(String[]::new);
    }
}
