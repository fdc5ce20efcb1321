package com.supportdesk.ui.signin;

import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * The sign-in screen: one card with three forms, of which the view-model's state shows one — sign in, choose your
 * own password (after a one-time password), or on an empty database the first admin and "Try with demo data".
 */
public final class SignInView extends StackPane {

    private final SignInViewModel vm;
    private final TextField username = new TextField();

    public SignInView(SignInViewModel vm) {
        this.vm = vm;
        setId("signIn");
        Label title = new Label("Support Desk", new FontIcon(MaterialDesignH.HEADSET));
        title.getStyleClass().add(Styles.SIGN_IN_TITLE);
        VBox card = new VBox(14, title, signInForm(), newPasswordForm(), firstStartForm(), message());
        card.getStyleClass().add(Styles.SIGN_IN_CARD);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }

    public void focus() {
        username.requestFocus();
    }

    /** User name and password, checked by the desk's own database or, on a team desk, by PostgreSQL. */
    private VBox signInForm() {
        bind(username, "username", "User name", vm.usernameProperty());
        PasswordField password = bind(new PasswordField(), "password", "Password", vm.passwordProperty());
        Button signIn = primary("Sign in", "signInButton", vm::signIn);
        signIn.defaultButtonProperty().bind(vm.mustChangeProperty().not());
        Label demoHint = new Label("Demo database: each password is the user name followed by -demo-desk \u2014"
                + " lead-demo-desk (cleared team lead); agent, operator, sam, clara likewise.");
        demoHint.getStyleClass().add(Styles.DEMO_HINT);
        demoHint.setId("demoHint");
        Forms.showWhen(demoHint, vm.demoModeProperty());
        Label where = new Label(vm.where().isEmpty() ? "Sign in to the desk" : "Sign in to the team desk");
        Label server = new Label(vm.where());
        server.setId("signInWhere");
        server.getStyleClass().add(Styles.SIGN_IN_HINT);
        server.setWrapText(true);
        server.setVisible(!vm.where().isEmpty());
        server.setManaged(server.isVisible());
        VBox box = new VBox(10, where, server, username, password, signIn, demoHint);
        Forms.showWhen(box, vm.firstRunProperty().not().and(vm.mustChangeProperty().not()));
        return box;
    }

    /** After a one-time password: the agent chooses their own before the desk opens. */
    private VBox newPasswordForm() {
        PasswordField n1 = bind(new PasswordField(), "newPassword", "New password", vm.newPasswordProperty());
        PasswordField n2 = bind(new PasswordField(), "newRepeat", "New password again", vm.newRepeatProperty());
        Button choose = primary("Set my password", "setPassword", vm::chooseNewPassword);
        choose.defaultButtonProperty().bind(vm.mustChangeProperty()); // Enter: only the form on show
        VBox box = new VBox(10, new Label("Choose your own password"), n1, n2, choose);
        box.setId("changePassword");
        Forms.showWhen(box, vm.mustChangeProperty());
        vm.mustChangeProperty().addListener((o, was, now) -> {
            if (now) {
                n1.requestFocus();
            }
        });
        return box;
    }

    /** An empty database: create the first admin, or look around with demo data first. */
    private VBox firstStartForm() {
        Label first = new Label("This database is empty. Create the first admin, who can then add the team \u2014 or look"
                + " around with demo data first.");
        first.getStyleClass().add(Styles.SIGN_IN_HINT);
        first.setWrapText(true);
        TextField adminUser = bind(new TextField(), "adminUsername", "User name", vm.adminUsernameProperty());
        TextField adminName = bind(new TextField(), "adminName", "Full name", vm.adminNameProperty());
        PasswordField p1 = bind(new PasswordField(), "adminPassword", "Password", vm.adminPasswordProperty());
        PasswordField p2 = bind(new PasswordField(), "adminRepeat", "Password again", vm.adminRepeatProperty());
        Button create = primary("Create the first admin", "createAdmin", vm::createFirstAdmin);
        Button demo = button("Try with demo data", "tryDemo", vm::tryDemo);
        VBox box = new VBox(10, first, adminUser, adminName, p1, p2, create, new Separator(), demo);
        Forms.showWhen(box, vm.firstRunProperty());
        return box;
    }

    /** The view-model's last word: a refused password, an unreachable server, a notice from the launcher. */
    private Label message() {
        Label message = new Label();
        message.getStyleClass().add(Styles.SIGN_IN_ERROR);
        message.setId("signInMessage");
        message.textProperty().bind(vm.messageProperty());
        Forms.showWhen(message, vm.messageProperty().isNotEmpty());
        return message;
    }

    private static <F extends TextField> F bind(F field, String id, String prompt, StringProperty value) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        b.disableProperty().bind(vm.busyProperty());
        b.setOnAction(e -> action.run());
        return b;
    }

    private Button primary(String text, String id, Runnable action) {
        Button b = button(text, id, action);
        b.getStyleClass().add(Styles.PRIMARY);
        return b;
    }
}
