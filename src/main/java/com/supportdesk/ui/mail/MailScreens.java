package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.FxDialogService;
import com.supportdesk.ui.common.TaskExecutor;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One-line entry points for the main window: the mail settings dialog and the quarantine screen, both for admins
 * only. Work runs on the desk's {@link TaskExecutor}; results come back on the FX thread.
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
    public static Stage openSettings(Window owner, MailChannel mail, Agent agent, TaskExecutor executor, Runnable onSaved) {
        requireAdmin(agent, "change the mail settings");
        MailSignInViewModel signIn = new MailSignInViewModel(mail.settings(), agent, new OAuthFlows(),
                MailScreens::openInSystemBrowser, mail.tokens(), executor);
        MailSettingsViewModel vm = new MailSettingsViewModel(mail.settings(), agent,
                MailSettingsViewModel.Tester.real(mail.tokens()), signIn, executor);
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
    public static Stage openQuarantine(Window owner, MailChannel mail, Agent agent, ZoneId zone, TaskExecutor executor) {
        requireAdmin(agent, "see quarantined mail");
        Stage[] window = new Stage[1];
        DialogService dialogs = new FxDialogService(() -> window[0] != null ? window[0] : owner);
        window[0] = QuarantineView.show(owner, new QuarantineViewModel(mail.quarantine(), agent, zone, executor, dialogs));
        return window[0];
    }

    /** The system browser (java.awt.Desktop); throws where there is none, and the dialog shows the address. */
    static void openInSystemBrowser(URI address) throws IOException {
        if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            Desktop.getDesktop().browse(address);
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
