package com.supportdesk.ui.signin;

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
        title.getStyleClass().add("sign-in-title");
        Label error = new Label();
        error.getStyleClass().add("sign-in-error");
        error.setId("signInMessage");
        error.textProperty().bind(vm.message());
        error.visibleProperty().bind(vm.message().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        // --- sign in
        username.setId("username");
        username.setPromptText("User name");
        username.textProperty().bindBidirectional(vm.username());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(vm.password());
        Button signIn = new Button("Sign in");
        signIn.setId("signInButton");
        signIn.getStyleClass().add("primary");
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.busy());
        signIn.setOnAction(e -> vm.signIn());
        Label demoHint = new Label("Demo database: each password is the user name followed by -demo-desk \u2014"
                + " lead-demo-desk (cleared team lead); agent, operator, sam, clara likewise.");
        demoHint.getStyleClass().add("demo-hint");
        demoHint.setId("demoHint");
        demoHint.visibleProperty().bind(vm.demoMode());
        demoHint.managedProperty().bind(demoHint.visibleProperty());
        VBox signInBox = new VBox(10, new Label("Sign in to the desk"), username, password, signIn, demoHint);
        signInBox.visibleProperty().bind(vm.firstRun().not());
        signInBox.managedProperty().bind(signInBox.visibleProperty());

        // --- first start
        Label first = new Label("This database is empty. Create the first admin, who can then add the team \u2014 or look"
                + " around with demo data first.");
        first.getStyleClass().add("sign-in-hint");
        first.setWrapText(true);
        TextField adminUser = new TextField();
        adminUser.setId("adminUsername");
        adminUser.setPromptText("User name");
        adminUser.textProperty().bindBidirectional(vm.adminUsername());
        TextField adminName = new TextField();
        adminName.setId("adminName");
        adminName.setPromptText("Full name");
        adminName.textProperty().bindBidirectional(vm.adminName());
        PasswordField p1 = new PasswordField();
        p1.setId("adminPassword");
        p1.setPromptText("Password");
        p1.textProperty().bindBidirectional(vm.adminPassword());
        PasswordField p2 = new PasswordField();
        p2.setId("adminRepeat");
        p2.setPromptText("Password again");
        p2.textProperty().bindBidirectional(vm.adminRepeat());
        Button create = new Button("Create the first admin");
        create.setId("createAdmin");
        create.getStyleClass().add("primary");
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(vm.busy());
        create.setOnAction(e -> vm.createFirstAdmin());
        Button demo = new Button("Try with demo data");
        demo.setId("tryDemo");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.disableProperty().bind(vm.busy());
        demo.setOnAction(e -> vm.tryDemo());
        VBox firstBox = new VBox(10, first, adminUser, adminName, p1, p2, create, new Separator(), demo);
        firstBox.visibleProperty().bind(vm.firstRun());
        firstBox.managedProperty().bind(firstBox.visibleProperty());

        VBox card = new VBox(14, title, signInBox, firstBox, error);
        card.getStyleClass().add("sign-in-card");
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }

    public void focus() {
        username.requestFocus();
    }
}
