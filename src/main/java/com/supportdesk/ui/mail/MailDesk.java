package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.MailChannel;
import java.time.ZoneId;
import java.util.List;
import com.supportdesk.ui.common.TaskExecutor;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * The desktop's e-mail channel: the channel itself (intake, replies, quarantine) and the live intake status
 * shown in the status bar. The admin menu entries open the settings and the quarantine.
 */
public record MailDesk(MailChannel channel, IntakeStatusModel status) {

    /** "Mail settings…" and "Mail quarantine…" for an admin (empty for anyone else). */
    public List<MenuItem> adminItems(Supplier<Window> owner, Agent agent, ZoneId zone, TaskExecutor executor) {
        if (!agent.admin()) {
            return List.of();
        }
        MenuItem settings = new MenuItem("Mail settings\u2026");
        settings.setId("menuMailSettings");
        settings.setOnAction(e -> MailScreens.openSettings(owner.get(), channel, agent, executor,
                () -> channel.startIntake(status)));
        MenuItem quarantine = new MenuItem("Mail quarantine\u2026");
        quarantine.setId("menuQuarantine");
        quarantine.setOnAction(e -> MailScreens.openQuarantine(owner.get(), channel, agent, zone, executor));
        return List.of(settings, quarantine);
    }
}
