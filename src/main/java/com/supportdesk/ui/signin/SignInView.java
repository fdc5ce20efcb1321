package com.supportdesk.ui.signin;

import com.supportdesk.ui.common.Styles;
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

/** The sign-in screen; on an empty database the first-admin form and "Try with demo data". */
public final class SignInView extends StackPane {

    private final SignInViewModel vm;
    private final TextField username = new TextField();

    public SignInView(SignInViewModel vm) {
        this.vm = vm;
        setId("signIn");
        Label title = new Label("Support Desk", new FontIcon(MaterialDesignH.HEADSET));
        title.getStyleClass().add(Styles.SIGN_IN_TITLE);
        Label error = new Label();
        error.getStyleClass().add(Styles.SIGN_IN_ERROR);
        error.setId("signInMessage");
        error.textProperty().bind(vm.messageProperty());
        error.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        // --- sign in
        username.setId("username");
        username.setPromptText("User name");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Button signIn = new Button("Sign in");
        signIn.setId("signInButton");
        signIn.getStyleClass().add(Styles.PRIMARY);
        signIn.defaultButtonProperty().bind(vm.mustChangeProperty().not());
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.busyProperty());
        signIn.setOnAction(e -> vm.signIn());
        Label demoHint = new Label("Demo database: each password is the user name followed by -demo-desk \u2014"
                + " lead-demo-desk (cleared team lead); agent, operator, sam, clara likewise.");
        demoHint.getStyleClass().add(Styles.DEMO_HINT);
        demoHint.setId("demoHint");
        demoHint.visibleProperty().bind(vm.demoModeProperty());
        demoHint.managedProperty().bind(demoHint.visibleProperty());
        Label where = new Label(vm.where().isEmpty() ? "Sign in to the desk" : "Sign in to the team desk");
        Label server = new Label(vm.where());
        server.setId("signInWhere");
        server.getStyleClass().add(Styles.SIGN_IN_HINT);
        server.setWrapText(true);
        server.setVisible(!vm.where().isEmpty());
        server.setManaged(server.isVisible());
        VBox signInBox = new VBox(10, where, server, username, password, signIn, demoHint);
        signInBox.visibleProperty().bind(vm.firstRunProperty().not().and(vm.mustChangeProperty().not()));
        signInBox.managedProperty().bind(signInBox.visibleProperty());

        // --- a one-time password: choose your own
        PasswordField n1 = new PasswordField();
        n1.setId("newPassword");
        n1.setPromptText("New password");
        n1.textProperty().bindBidirectional(vm.newPasswordProperty());
        PasswordField n2 = new PasswordField();
        n2.setId("newRepeat");
        n2.setPromptText("New password again");
        n2.textProperty().bindBidirectional(vm.newRepeatProperty());
        Button choose = new Button("Set my password");
        choose.setId("setPassword");
        choose.getStyleClass().add(Styles.PRIMARY);
        choose.defaultButtonProperty().bind(vm.mustChangeProperty()); // Enter: only the form on show
        choose.setMaxWidth(Double.MAX_VALUE);
        choose.disableProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> vm.chooseNewPassword());
        VBox changeBox = new VBox(10, new Label("Choose your own password"), n1, n2, choose);
        changeBox.setId("changePassword");
        changeBox.visibleProperty().bind(vm.mustChangeProperty());
        changeBox.managedProperty().bind(changeBox.visibleProperty());
        vm.mustChangeProperty().addListener((o, was, now) -> {
            if (now) {
                n1.requestFocus();
            }
        });

        // --- first start
        Label first = new Label("This database is empty. Create the first admin, who can then add the team \u2014 or look"
                + " around with demo data first.");
        first.getStyleClass().add(Styles.SIGN_IN_HINT);
        first.setWrapText(true);
        TextField adminUser = new TextField();
        adminUser.setId("adminUsername");
        adminUser.setPromptText("User name");
        adminUser.textProperty().bindBidirectional(vm.adminUsernameProperty());
        TextField adminName = new TextField();
        adminName.setId("adminName");
        adminName.setPromptText("Full name");
        adminName.textProperty().bindBidirectional(vm.adminNameProperty());
        PasswordField p1 = new PasswordField();
        p1.setId("adminPassword");
        p1.setPromptText("Password");
        p1.textProperty().bindBidirectional(vm.adminPasswordProperty());
        PasswordField p2 = new PasswordField();
        p2.setId("adminRepeat");
        p2.setPromptText("Password again");
        p2.textProperty().bindBidirectional(vm.adminRepeatProperty());
        Button create = new Button("Create the first admin");
        create.setId("createAdmin");
        create.getStyleClass().add(Styles.PRIMARY);
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(vm.busyProperty());
        create.setOnAction(e -> vm.createFirstAdmin());
        Button demo = new Button("Try with demo data");
        demo.setId("tryDemo");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.disableProperty().bind(vm.busyProperty());
        demo.setOnAction(e -> vm.tryDemo());
        VBox firstBox = new VBox(10, first, adminUser, adminName, p1, p2, create, new Separator(), demo);
        firstBox.visibleProperty().bind(vm.firstRunProperty());
        firstBox.managedProperty().bind(firstBox.visibleProperty());

        VBox card = new VBox(14, title, signInBox, changeBox, firstBox, error);
        card.getStyleClass().add(Styles.SIGN_IN_CARD);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }

    public void focus() {
        username.requestFocus();
    }
}
