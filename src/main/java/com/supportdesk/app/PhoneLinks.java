package com.supportdesk.app;

import com.supportdesk.cli.CallCommand;
import com.supportdesk.phone.IncomingCall;
import com.supportdesk.ui.common.KeyStyle;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tel:} and {@code callto:} links that macOS hands the running desk. On Windows and Linux a link starts the
 * launcher with the link as its argument ({@link Launcher#run}: {@link CallCommand#readLinks} makes it {@code call
 * --from NUMBER}, which hands the request {@link CallCommand#REQUEST} to the running desk over its
 * {@link DeskChannel}). macOS starts nothing: it sends the app an Apple Event, which AWT's {@link Desktop} gives to an
 * open-URI handler. {@link #install} sets that handler; {@link #open} turns the link into the very request the command
 * line hands over and gives it to this desk's own {@link DeskChannel.Dispatcher} ({@link DeskRequests}), so both end
 * in the same place: the call console, or the console once someone has signed in.
 *
 * <p>JavaFX 21 on macOS passes such events on to AWT only when AWT started first (JDK-8354631 and JDK-8332947, fixed
 * in JDK/JavaFX 25): {@link #install} therefore runs before the FX toolkit starts. The app bundle's Info.plist
 * ({@code packaging/macos/resources/Info.plist}) declares the schemes; without it macOS sends nothing.
 */
final class PhoneLinks {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneLinks.class);

    private PhoneLinks() {
    }

    /**
     * The desk's answer to a link: a phone link becomes {@link CallCommand#REQUEST} with the call's number and this
     * moment (what {@code support-desk tel:…} hands over), dispatched to {@code dispatcher}; anything else is refused in
     * plain words and nothing happens.
     */
    static DeskChannel.Reply open(URI uri, DeskChannel.Dispatcher dispatcher, Clock clock) {
        String link = uri == null ? "" : uri.toString();
        if (!IncomingCall.isLink(link)) {
            return DeskChannel.Reply.refused("Support Desk opens tel:, callto: and sip: links only, not \""
                    + (link.length() > IncomingCall.MAX_TEXT ? link.substring(0, IncomingCall.MAX_TEXT) + "\u2026" : link)
                    + "\".");
        }
        IncomingCall call = new IncomingCall(IncomingCall.numberOf(link), null, null, clock.instant());
        return dispatcher.dispatch(new DeskChannel.Request(CallCommand.REQUEST, call.toArgs()));
    }

    /**
     * On macOS, where AWT's Desktop takes links ({@link Desktop.Action#APP_OPEN_URI}), sends them to {@link #open};
     * elsewhere (the link is an argument there) and headless nothing, and AWT is left alone. Returns whether it did.
     * Call before the JavaFX toolkit starts.
     */
    static boolean install(DeskChannel.Dispatcher dispatcher, Clock clock) {
        if (KeyStyle.current() != KeyStyle.MAC || GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
            return false;
        }
        Desktop.getDesktop().setOpenURIHandler(e -> {
            // off AWT's event thread: the desk's answer waits for the FX thread
            Thread t = new Thread(() -> {
                DeskChannel.Reply r = open(e.getURI(), dispatcher, clock);
                if (r.ok()) {
                    LOG.info("A phone link came in: {}", r.message());
                } else {
                    LOG.warn("A link was not opened: {}", r.message());
                }
            }, "phone-link");
            t.setDaemon(true);
            t.start();
        });
        return true;
    }
}
