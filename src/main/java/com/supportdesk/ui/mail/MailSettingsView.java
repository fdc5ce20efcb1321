package com.supportdesk.ui.mail;

import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Theme;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The mail settings dialog (admins): incoming mail (IMAP), outgoing mail (SMTP), acknowledgements and whether this
 * desktop fetches mail. "Test" buttons try the connection in the background and show one plain sentence.
 * Every control has an id for tests; all state lives in {@link MailSettingsViewModel}.
 */
public final class MailSettingsView {

    public static final String TITLE = "Mail settings";

    private final MailSettingsViewModel vm;
    private final BorderPane root;

    public MailSettingsView(MailSettingsViewModel vm) {
        this.vm = vm;
        this.root = build();
    }

    /** Opens the dialog (modal to {@code owner}) with the saved settings loaded; returns its stage. */
    public static Stage show(Window owner, MailSettingsViewModel vm) {
        vm.load();
        MailSettingsView view = new MailSettingsView(vm);
        Stage stage = new Stage();
        stage.setTitle(TITLE);
        Scene scene = new Scene(view.root(), 640, 640);
        Theme.dress(stage, scene, owner);
        if (owner != null) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        view.closeButton().setOnAction(e -> stage.close());
        stage.show();
        return stage;
    }

    public Parent root() {
        return root;
    }

    private Button close;

    Button closeButton() {
        return close;
    }

    private BorderPane build() {
        TitledPane in = section("Incoming mail (IMAP)", incoming());
        TitledPane out = section("Outgoing mail (SMTP)", outgoing());
        VBox form = new VBox(10, in, out, section("Options", options()));
        if (vm.signIn() != null) {
            form.getChildren().add(2, section("Sign-in with Microsoft 365, Google or another OAuth 2.0 server",
                    new MailSignInView(vm.signIn()).root()));
        }
        form.setPadding(new Insets(12));
        form.setDisable(!vm.editable());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        BorderPane pane = new BorderPane(scroll);
        pane.setBottom(statusAndButtons());
        return pane;
    }

    /** The IMAP account the intake fetches from, and what happens to a message once it is a ticket. */
    private GridPane incoming() {
        GridPane imap = Forms.grid();
        CheckBox imapOn = check("imapEnabled", "Fetch mail from this IMAP account", vm.imapEnabledProperty());
        imap.add(imapOn, 0, 0, 2, 1);
        Forms.row(imap, 1, "Server", text("imapHost", vm.imapHostProperty(), "imap.example.com"));
        Forms.row(imap, 2, "Security", tls("imapTls", vm.imapTlsProperty()));
        Forms.row(imap, 3, "Port", text("imapPort", vm.imapPortProperty(), "993"));
        Forms.row(imap, 4, "User name", text("imapUser", vm.imapUserProperty(), "support@example.com"));
        PasswordField imapPassword = password("imapPassword", vm.imapPasswordProperty());
        imapPassword.disableProperty().bind(vm.imapEnabledProperty().not().or(vm.imapOAuthProperty()));
        Forms.row(imap, 5, "Password", imapPassword);
        Forms.row(imap, 6, "Folder", text("imapFolder", vm.imapFolderProperty(), "INBOX"));
        ComboBox<AfterImport> after = new ComboBox<>();
        after.setId("afterImport");
        after.getItems().setAll(AfterImport.values());
        after.setConverter(converter(a -> a == AfterImport.MOVE ? "Move it to a folder" : "Mark it as read"));
        after.valueProperty().bindBidirectional(vm.afterImportProperty());
        Forms.row(imap, 7, "After import", after);
        TextField moveTo = text("moveToFolder", vm.moveToFolderProperty(), "Processed");
        moveTo.disableProperty().bind(vm.afterImportProperty().isNotEqualTo(AfterImport.MOVE)
                .or(vm.imapEnabledProperty().not()));
        Forms.row(imap, 8, "Move to folder", moveTo);
        if (vm.signIn() != null) {
            imap.add(check("imapOAuth", "Sign in with the provider (OAuth 2.0, see Sign-in) instead of the password",
                    vm.imapOAuthProperty()), 1, 9);
        }
        disableUnless(imap, imapOn, vm.imapEnabledProperty());
        Button testImap = button("testImap", "Test IMAP connection");
        testImap.setOnAction(e -> vm.testImap());
        testImap.disableProperty().bind(vm.busyProperty().or(vm.imapEnabledProperty().not()));
        imap.add(testImap, 1, 10);
        return imap;
    }

    /** The SMTP server replies and acknowledgements go out through, and whom they come from. */
    private GridPane outgoing() {
        GridPane smtp = Forms.grid();
        CheckBox smtpOn = check("smtpEnabled", "Send replies through this SMTP server", vm.smtpEnabledProperty());
        smtp.add(smtpOn, 0, 0, 2, 1);
        Forms.row(smtp, 1, "Server", text("smtpHost", vm.smtpHostProperty(), "smtp.example.com"));
        Forms.row(smtp, 2, "Security", tls("smtpTls", vm.smtpTlsProperty()));
        Forms.row(smtp, 3, "Port", text("smtpPort", vm.smtpPortProperty(), "587"));
        Forms.row(smtp, 4, "User name", text("smtpUser", vm.smtpUserProperty(), "empty if the server needs no login"));
        PasswordField smtpPassword = password("smtpPassword", vm.smtpPasswordProperty());
        smtpPassword.disableProperty().bind(vm.smtpEnabledProperty().not().or(vm.smtpOAuthProperty()));
        Forms.row(smtp, 5, "Password", smtpPassword);
        Forms.row(smtp, 6, "From address", text("fromAddress", vm.fromAddressProperty(), "support@example.com"));
        Forms.row(smtp, 7, "From name", text("fromName", vm.fromNameProperty(), "Example Support"));
        if (vm.signIn() != null) {
            smtp.add(check("smtpOAuth", "Sign in with the provider (OAuth 2.0, see Sign-in) instead of the password",
                    vm.smtpOAuthProperty()), 1, 8);
        }
        disableUnless(smtp, smtpOn, vm.smtpEnabledProperty());
        Button testSmtp = button("testSmtp", "Test SMTP connection");
        testSmtp.setOnAction(e -> vm.testSmtp());
        testSmtp.disableProperty().bind(vm.busyProperty().or(vm.smtpEnabledProperty().not()));
        smtp.add(testSmtp, 1, 9);
        return smtp;
    }

    /** Automatic acknowledgements, and whether this desktop fetches mail itself. */
    private VBox options() {
        VBox options = new VBox(8,
                check("acknowledge", "Acknowledge each new e-mail ticket automatically (at most once an hour per sender;"
                        + " not customer contact)", vm.acknowledgeProperty()),
                check("fetchInDesktop", "Fetch mail in the desktop app (turn off where a gateway runs 'ingest --watch')",
                        vm.fetchInDesktopProperty()));
        options.setPadding(new Insets(8));
        return options;
    }

    /** The outcome of the last test or save, then Save and Close. */
    private VBox statusAndButtons() {
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);
        Button save = button("save", "Save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.PRIMARY);
        if (vm.editable()) {
            save.disableProperty().bind(vm.busyProperty());
        } else {
            save.setDisable(true);
        }
        save.setOnAction(e -> vm.save());
        close = button("close", "Close");
        close.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox bottom = new VBox(8, status, new HBox(8, spacer, save, close));
        bottom.setPadding(new Insets(8, 12, 12, 12));
        return bottom;
    }

    private static TitledPane section(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        return pane;
    }

    /** Every field of the section except its own on/off box follows that box. */
    private static void disableUnless(GridPane g, CheckBox toggle, BooleanProperty on) {
        g.getChildren().stream().filter(n -> n != toggle && !(n instanceof Button))
                .forEach(n -> {
                    if (!n.disableProperty().isBound()) {
                        n.disableProperty().bind(on.not());
                    }
                });
    }

    static TextField text(String id, StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    static PasswordField password(String id, StringProperty p) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static CheckBox check(String id, String text, BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setWrapText(true);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private static ComboBox<TlsMode> tls(String id, ObjectProperty<TlsMode> p) {
        ComboBox<TlsMode> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(TlsMode.values());
        c.setConverter(converter(t -> switch (t) {
            case NONE -> "None (trusted network only)";
            case STARTTLS -> "STARTTLS";
            case SSL -> "SSL/TLS";
        }));
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
