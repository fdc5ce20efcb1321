package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.TaskExecutor;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * The desktop's e-mail channel: the channel itself (intake, replies, quarantine) and the live intake status
 * shown in the status bar. The admin menu entries open the settings and the quarantine.
 */
public record MailDesk(MailChannel channel, IntakeStatusModel status) {

    /** "Mail settings…" and "Mail quarantine…" for an admin (empty for anyone else). */
    public List<MenuItem> adminItems(ActionFactory actions, Supplier<Window> owner, Agent agent, ZoneId zone,
                                     TaskExecutor executor) {
        if (!agent.admin()) {
            return List.of();
        }
        return List.of(actions.menuItem(DeskAction.MAIL_SETTINGS, () -> MailScreens.openSettings(owner.get(), channel, agent,
                        executor, () -> channel.startIntake(status))),
                actions.menuItem(DeskAction.MAIL_QUARANTINE, () -> MailScreens.openQuarantine(owner.get(), channel, agent,
                        zone, executor)));
    }
}
