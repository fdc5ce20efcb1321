package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.mail.oauth.OAuthFlows;
import java.io.IOException;
import java.net.URI;
import com.supportdesk.store.StoreException;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One-line entry points for the main window: the mail settings dialog and the quarantine screen, both for admins
 * only. Work runs on {@code background} (the window's I/O executor); results come back on the FX thread.
 */
public final class MailScreens {

    private MailScreens() {
    }

    /**
     * Opens the mail settings dialog. {@code onSaved} runs on the FX thread after each successful save — pass
     * {@code () -> mail.startIntake(statusModel)} so the desktop's intake picks up the new account.
     *
     * @throws StoreException.AccessDenied when {@code agent} is not an admin
     */
    public static Stage openSettings(Window owner, MailChannel mail, Agent agent, Executor background, Runnable onSaved) {
        requireAdmin(agent, "change the mail settings");
        MailSignInViewModel signIn = new MailSignInViewModel(mail.settings(), agent, new OAuthFlows(),
                MailScreens::openInSystemBrowser, mail.tokens(), background, Platform::runLater);
        MailSettingsViewModel vm = new MailSettingsViewModel(mail.settings(), agent,
                MailSettingsViewModel.Tester.real(mail.tokens()), signIn, background, Platform::runLater);
        vm.savedProperty().addListener((o, was, now) -> {
            if (now && onSaved != null) {
                onSaved.run();
            }
        });
        return MailSettingsView.show(owner, vm);
    }

    /**
     * Opens the quarantine screen (unreadable mail and the automated-mail log).
     *
     * @throws StoreException.AccessDenied when {@code agent} is not an admin
     */
    public static Stage openQuarantine(Window owner, MailChannel mail, Agent agent, ZoneId zone, Executor background) {
        requireAdmin(agent, "see quarantined mail");
        return QuarantineView.show(owner, new QuarantineViewModel(mail.quarantine(), agent, zone, background,
                Platform::runLater));
    }

    /** The system browser (java.awt.Desktop); throws where there is none, and the dialog shows the address. */
    static void openInSystemBrowser(URI address) throws IOException {
        if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
            java.awt.Desktop.getDesktop().browse(address);
            return;
        }
        throw new IOException("no system browser");
    }

    private static void requireAdmin(Agent agent, String what) {
        if (agent == null || !agent.admin()) {
            throw new StoreException.AccessDenied("Only an admin may " + what + ".");
        }
    }
}
