package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.common.FormDialog;
import com.supportdesk.ui.common.TaskExecutor;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The default e-mail composer: To, Subject (with the ticket tag, and OFFICIAL-SENSITIVE kept for a
 * sensitive ticket), text; "Send" goes through the injected {@link ReplySender}. On failure — including
 * "not configured yet" — the composer stays open with the text.
 */
public final class ReplyComposerDialog implements ReplyComposer {

    private final ReplySender sender;
    private final TaskExecutor executor;

    public ReplyComposerDialog(ReplySender sender, TaskExecutor executor) {
        this.sender = sender;
        this.executor = executor;
    }

    @Override
    public void compose(Window owner, Agent agent, Ticket ticket, Runnable onSent) {
        TextField to = new TextField(ticket.contactEmail() == null ? "" : ticket.contactEmail());
        to.setId("replyTo");
        TextField subject = new TextField(subjectFor(ticket));
        subject.setId("replySubject");
        TextArea body = new TextArea();
        body.setId("replyBody");
        body.setWrapText(true);
        body.setPrefRowCount(12);
        body.setText("Hello" + (ticket.contactName() == null ? "" : " " + ticket.contactName().split(" ")[0]) + ",\n\n\n\nKind regards,\n"
                + agent.displayName());
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("To"), to);
        g.addRow(1, new Label("Subject"), subject);
        g.add(body, 0, 2, 2, 1);
        GridPane.setHgrow(to, Priority.ALWAYS);
        GridPane.setHgrow(body, Priority.ALWAYS);
        FormDialog d = new FormDialog(owner, "Reply on " + ticket.ref(), "Reply to the customer by e-mail (stops the response"
                + " clock once sent)", g, "Send");
        d.onSubmit(() -> executor.run(() -> sender.send(agent, ticket, new ReplySender.Draft(to.getText().strip(),
                subject.getText().strip(), body.getText()))).thenRun(onSent));
        d.stage().setWidth(640);
        d.show();
        body.positionCaret(body.getText().indexOf("\n\n") + 2);
    }

    /** "Re: [SD-12] subject"; the subject of a sensitive ticket keeps its OFFICIAL-SENSITIVE marking. */
    static String subjectFor(Ticket t) {
        String s = t.subject();
        String tag = "[" + t.ref() + "]";
        String out = s.contains(tag) ? s : tag + " " + s;
        if (t.sensitive() && !out.toUpperCase(Locale.ROOT).replace(' ', '-').contains("OFFICIAL-SENSITIVE")) {
            out = "OFFICIAL-SENSITIVE " + out;
        }
        return out.regionMatches(true, 0, "Re:", 0, 3) ? out : "Re: " + out;
    }
}
