package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Placeholder;
import com.supportdesk.domain.Placeholders;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Ticket;
import com.supportdesk.replies.SavedReplies;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.FormDialog;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.Ticker;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The default e-mail composer (issue 18): To, Subject (with the ticket tag, and OFFICIAL-SENSITIVE kept for a sensitive
 * ticket), the policy at hand (time left, whether this reply is the first customer contact), the text, the saved-reply
 * search (type {@code ::} and a word in the text, or press Ctrl+I; Up/Down choose, Enter or Tab inserts at the cursor,
 * Esc closes), and the signature that goes below the text. What it shows and does is {@link ReplyComposerViewModel};
 * "Send" goes through the injected {@link ReplySender}. On failure — including "not configured yet" — the composer
 * stays open with the text.
 */
public final class ReplyComposerDialog implements ReplyComposer {

    private final ReplySender sender;
    private final Supplier<SavedReplies> replies;
    private final Clock clock;
    private final ZoneId zone;
    private final TaskExecutor executor;
    private final ActionFactory actions = new ActionFactory();

    /** A composer without saved replies (no store behind it): the default signature, nothing to insert. */
    public ReplyComposerDialog(ReplySender sender, TaskExecutor executor) {
        this(sender, () -> null, Clock.systemUTC(), ZoneId.systemDefault(), executor);
    }

    /**
     * @param replies the saved replies of the open store (read when a composer opens; null while none is open)
     * @param zone    the zone times are shown in
     */
    public ReplyComposerDialog(ReplySender sender, Supplier<SavedReplies> replies, Clock clock, ZoneId zone,
                               TaskExecutor executor) {
        this.sender = sender;
        this.replies = replies;
        this.clock = clock;
        this.zone = zone;
        this.executor = executor;
    }

    @Override
    public void compose(Window owner, Agent agent, Ticket ticket, Runnable onSent) {
        ReplyComposerViewModel vm = new ReplyComposerViewModel(replies.get(), sender, agent, ticket, new Countdown(zone),
                clock, executor);
        View view = new View(vm);
        FormDialog d = new FormDialog(owner, "Reply on " + ticket.ref(), "Reply to the customer by e-mail", view.root,
                "Send");
        VBox.setVgrow(view.root, Priority.ALWAYS); // a taller window gives the text more room
        d.onSubmit(() -> vm.send().thenRun(onSent));
        ActionFactory.install(d.stage().getScene(), DeskAction.INSERT_SAVED_REPLY, view::openSearch);
        view.owner = d.stage();
        Ticker ticker = new Ticker(clock);
        ticker.nowSecondProperty().addListener((o, was, now) -> vm.tick());
        d.stage().setOnShown(e -> ticker.start());
        d.stage().setOnHidden(e -> ticker.stop());
        vm.state().errorProperty().addListener((o, was, now) -> d.showError(now));
        d.stage().setWidth(700);
        vm.searchingProperty().addListener((o, was, now) -> Platform.runLater(() -> grow(d.stage())));
        view.helpShown.addListener((o, was, now) -> Platform.runLater(() -> grow(d.stage())));
        d.show();
        view.body.requestFocus();
        view.body.positionCaret(view.body.getLength());
        vm.load();
    }

    /**
     * Makes the window tall enough for what it shows now (the search or the placeholders opened), within the screen it
     * is on; it never shrinks, so the text does not jump as the search opens and closes.
     */
    static void grow(Stage stage) {
        if (!stage.isShowing()) {
            return;
        }
        Scene scene = stage.getScene();
        double frame = stage.getHeight() - scene.getHeight();
        double need = scene.getRoot().prefHeight(scene.getWidth()) + frame;
        if (need <= stage.getHeight()) {
            return;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double height = Math.min(need, screen.getHeight());
        // width and height together: GTK refuses a height alone on a window sized by its scene (JDK-8344372)
        stage.setWidth(stage.getWidth());
        stage.setHeight(height);
        if (stage.getY() + height > screen.getMaxY()) {
            stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - height));
        }
    }

    /** The composer's controls, bound to the view-model. */
    static final class View {
        final ReplyComposerViewModel vm;
        final VBox root;
        final TextArea body = new TextArea();
        final TextField search = new TextField();
        final ListView<SavedReply> list;
        /** The placeholders' help is shown (the "Placeholders" toggle). */
        final BooleanProperty helpShown = new SimpleBooleanProperty(false);
        Window owner;

        View(ReplyComposerViewModel vm) {
            this.vm = vm;
            TextField to = new TextField();
            to.setId("replyTo");
            to.textProperty().bindBidirectional(vm.toProperty());
            TextField subject = new TextField();
            subject.setId("replySubject");
            subject.textProperty().bindBidirectional(vm.subjectProperty());
            GridPane g = Forms.grid();
            Forms.row(g, 0, "_To", to);
            Forms.row(g, 1, "_Subject", subject);

            body.setId("replyBody");
            body.setWrapText(true);
            body.setPrefRowCount(12);
            body.setMinHeight(80);
            body.textProperty().bindBidirectional(vm.bodyProperty());
            body.caretPositionProperty().addListener((o, was, now) -> vm.typed(body.getText(), body.getCaretPosition()));
            body.textProperty().addListener((o, was, now) -> vm.typed(now, body.getCaretPosition()));
            body.addEventFilter(KeyEvent.KEY_PRESSED, this::searchKeys);
            VBox.setVgrow(body, Priority.ALWAYS);

            list = new ListView<>(vm.matches());
            root = new VBox(10, g, policy(), body, searchPane(), tools(), placeholderHelp(), signature());
        }

        /** Time left, the target, and whether this reply is the first customer contact. */
        private Node policy() {
            Label left = new Label();
            left.setId("replyTimeLeft");
            left.setGraphic(new FontIcon(MaterialDesignC.CLOCK_OUTLINE));
            left.textProperty().bind(vm.timeLeftProperty());
            left.getStyleClass().add(Styles.COUNTDOWN);
            vm.toneProperty().addListener((o, was, now) -> {
                left.getStyleClass().remove(was.styleClass());
                left.getStyleClass().add(now.styleClass());
            });
            left.getStyleClass().add(vm.toneProperty().get().styleClass());
            Label target = new Label();
            target.setId("replyTarget");
            target.textProperty().bind(vm.targetProperty());
            target.getStyleClass().add(Styles.DEFINITION);
            HBox line = new HBox(12, left, target);
            Label first = new Label();
            first.setId("replyFirstContact");
            first.setWrapText(true);
            first.textProperty().bind(vm.firstContactProperty());
            VBox box = new VBox(line, first);
            box.getStyleClass().add(Styles.REPLY_POLICY);
            box.setMinHeight(Region.USE_PREF_SIZE);
            if (vm.sensitive()) {
                Label only = new Label("Official Sensitive: only saved replies marked for such tickets are offered, and the"
                        + " classification line goes above your signature.");
                only.setWrapText(true);
                only.getStyleClass().add(Styles.REPLY_CLASSIFICATION);
                box.getChildren().add(only);
            }
            return box;
        }

        /** The saved replies found: under the text while searching. */
        private Node searchPane() {
            search.setId("replySearch");
            search.setPromptText("Name or word of a saved reply");
            search.textProperty().bindBidirectional(vm.queryProperty());
            search.addEventFilter(KeyEvent.KEY_PRESSED, this::searchKeys);
            list.setId("replyMatches");
            list.setPrefHeight(120);
            list.setMinHeight(Region.USE_PREF_SIZE); // the text gives way, not the list
            list.setFocusTraversable(false);
            list.setCellFactory(lv -> new ListCell<>() {
                @Override
                protected void updateItem(SavedReply r, boolean empty) {
                    super.updateItem(r, empty);
                    setText(empty || r == null ? null : describe(r, vm.contextProperty().get().firstContact()));
                }
            });
            list.setPlaceholder(new Label("No saved reply matches"));
            vm.selectedProperty().addListener((o, was, now) -> {
                if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                    list.getSelectionModel().select(now);
                    list.scrollTo(now);
                }
            });
            list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (now != null) {
                    vm.selectedProperty().set(now);
                }
            });
            list.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    insertChosen();
                }
            });
            Label preview = new Label();
            preview.setId("replyPreview");
            preview.textProperty().bind(vm.previewProperty());
            preview.setWrapText(true);
            preview.setMaxHeight(68); // a few lines: enough to tell the replies apart
            preview.setMinHeight(Region.USE_PREF_SIZE);
            preview.getStyleClass().add(Styles.REPLY_PREVIEW);
            Forms.showWhen(preview, vm.previewProperty().isNotEmpty());
            Label keys = new Label("\u2191\u2193 choose \u00b7 Enter or Tab inserts at the cursor \u00b7 Esc closes");
            keys.getStyleClass().add(Styles.DEFINITION);
            VBox pane = new VBox(4, search, list, preview, keys);
            pane.setMinHeight(Region.USE_PREF_SIZE);
            pane.setId("replySearchPane");
            pane.getStyleClass().add(Styles.REPLY_SEARCH);
            Forms.showWhen(pane, vm.searchingProperty());
            // typed in the text (::word) the word follows the text, so the field only shows it
            search.editableProperty().bind(Bindings.createBooleanBinding(() -> !body.isFocused(), body.focusedProperty()));
            return pane;
        }

        private Node tools() {
            Button insert = new ActionFactory().button(DeskAction.INSERT_SAVED_REPLY, this::openSearch);
            Button save = new Button("Save as saved reply\u2026");
            save.setId("replySaveAs");
            save.setTooltip(new Tooltip("Keep this text as a saved reply: your own, or (team leads) the team's"));
            save.setOnAction(e -> saveAs());
            Button signature = new Button("Signature\u2026");
            signature.setId("replyEditSignature");
            signature.setGraphic(new FontIcon(MaterialDesignS.SIGNATURE_TEXT));
            signature.setOnAction(e -> editSignature());
            ToggleButton help = new ToggleButton("Placeholders");
            help.setId("replyPlaceholders");
            help.setTooltip(new Tooltip("Show or hide the placeholders saved replies and signatures may hold"));
            help.setGraphic(new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE));
            help.selectedProperty().bindBidirectional(helpShown);
            HBox row = new HBox(8, insert, save, signature, Forms.spacer(), help);
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        }

        /** Every placeholder as it is written in a body, and what it stands for: shown with "Placeholders". */
        private Node placeholderHelp() {
            GridPane g = new GridPane();
            g.setHgap(12);
            g.setVgap(2);
            Label head = new Label("Placeholders in saved replies and signatures, filled for this ticket when a reply"
                    + " is inserted:");
            head.setWrapText(true);
            g.add(head, 0, 0, 2, 1);
            int row = 1;
            for (Placeholder p : Placeholder.values()) {
                Label token = new Label(p.token());
                token.getStyleClass().add(Styles.REPLY_TOKEN);
                Label what = new Label(p.description());
                what.setWrapText(true);
                g.addRow(row++, token, what);
            }
            g.setId("replyPlaceholderHelp");
            g.getStyleClass().add(Styles.REPLY_POLICY);
            g.setMinHeight(Region.USE_PREF_SIZE);
            Forms.showWhen(g, helpShown);
            return g;
        }

        /** The signature block as it goes out, the classification line (sensitive tickets) in its own style. */
        private Node signature() {
            Label classification = new Label();
            classification.setId("replyClassification");
            classification.getStyleClass().add(Styles.REPLY_CLASSIFICATION);
            Label text = new Label();
            text.setId("replySignature");
            text.setWrapText(true);
            Runnable split = () -> {
                String s = vm.signatureProperty().get();
                boolean marked = s.startsWith(SavedReplies.CLASSIFICATION_LINE);
                classification.setText(marked ? SavedReplies.CLASSIFICATION_LINE : "");
                classification.setVisible(marked);
                classification.setManaged(marked);
                text.setText(marked ? s.substring(SavedReplies.CLASSIFICATION_LINE.length()).strip() : s);
            };
            vm.signatureProperty().addListener((o, was, now) -> split.run());
            split.run();
            text.setMinHeight(Region.USE_PREF_SIZE);
            VBox box = new VBox(2, classification, text);
            box.getStyleClass().add(Styles.REPLY_SIGNATURE);
            box.setMinHeight(Region.USE_PREF_SIZE);
            Tooltip.install(box, new Tooltip("Your signature, added below the text when it is sent (Signature\u2026"
                    + " changes it)"));
            return box;
        }

        void openSearch() {
            vm.openSearch();
            search.requestFocus();
        }

        private void searchKeys(KeyEvent e) {
            if (!vm.searchingProperty().get()) {
                return;
            }
            switch (e.getCode()) {
                case DOWN -> vm.move(1);
                case UP -> vm.move(-1);
                case ENTER, TAB -> insertChosen();
                case ESCAPE -> {
                    vm.closeSearch();
                    body.requestFocus();
                }
                default -> {
                    return;
                }
            }
            e.consume();
        }

        /** Inserts the chosen reply at the text's cursor (replacing the selection, or the ::word typed). */
        void insertChosen() {
            IndexRange sel = body.getSelection();
            vm.insert(body.getText(), sel.getStart(), sel.getEnd()).ifPresentOrElse(ins -> {
                body.replaceText(ins.start(), ins.end(), ins.text());
                body.positionCaret(ins.caret());
            }, vm::closeSearch);
            Platform.runLater(body::requestFocus);
        }

        private void saveAs() {
            TextField name = new TextField();
            name.setId("saveReplyName");
            TextField word = new TextField();
            word.setId("saveReplyShortcut");
            word.setPromptText("optional: one word, found with ::word");
            CheckBox team = new CheckBox("The team's reply (team leads)");
            team.setId("saveReplyTeam");
            team.setDisable(!vm.mayKeepTeamReplies());
            CheckBox sensitive = new CheckBox("May be used on Official Sensitive tickets");
            sensitive.setId("saveReplySensitive");
            CheckBox first = new CheckBox("A first response: offered first while a ticket waits for one");
            first.setId("saveReplyFirst");
            Label hint = new Label("Saves the text above (not the signature). Placeholders: " + Placeholders.list());
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.DEFINITION);
            GridPane g = Forms.grid();
            Forms.row(g, 0, "_Name", name);
            Forms.row(g, 1, "S_hortcut", word);
            new FormDialog(owner, "Save as saved reply", "Keep this text as a saved reply",
                    new VBox(8, g, team, sensitive, first, hint), "Save")
                    .onSubmit(() -> vm.saveAsReply(name.getText(), word.getText(), team.isSelected(),
                            sensitive.isSelected(), first.isSelected())).show();
        }

        private void editSignature() {
            TextArea text = new TextArea(vm.signatureSourceProperty().get());
            text.setId("signatureText");
            text.setPrefRowCount(5);
            Label hint = new Label("Added below every reply you send"
                    + (vm.sensitive() ? " (under the classification line on Official Sensitive tickets)" : "")
                    + ". Placeholders: " + Placeholders.list());
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.DEFINITION);
            new FormDialog(owner, "Your signature", "Your signature", new VBox(8, text, hint), "Save")
                    .onSubmit(() -> vm.saveSignature(text.getText())).show();
        }
    }

    /** "Please send the log  ::log  · team · first response". */
    static String describe(SavedReply r, boolean firstContactPending) {
        StringBuilder b = new StringBuilder(r.name());
        if (r.shortcut() != null) {
            b.append("  ::").append(r.shortcut());
        }
        b.append(r.team() ? "  \u00b7 team" : "  \u00b7 yours");
        if (r.firstResponse() && firstContactPending) {
            b.append(" \u00b7 first response");
        }
        return b.toString();
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
