package com.supportdesk.ui.mail;

import com.supportdesk.mail.oauth.OAuthClient;
import com.supportdesk.mail.oauth.OAuthProvider;
import com.supportdesk.ui.common.Forms;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sign-in part of the mail settings dialog: provider, the app registration's fields for it, "Sign in with the
 * browser…", who is signed in, and the sign-in page's address while the desk waits (to copy when no browser opened).
 * All state lives in {@link MailSignInViewModel}; every control has an id for tests.
 */
final class MailSignInView {

    private final MailSignInViewModel vm;
    private final VBox root;

    MailSignInView(MailSignInViewModel vm) {
        this.vm = vm;
        this.root = build();
    }

    Parent root() {
        return root;
    }

    private VBox build() {
        GridPane g = Forms.grid();
        ComboBox<OAuthProvider> provider = new ComboBox<>();
        provider.setId("oauthProvider");
        provider.getItems().setAll(OAuthProvider.values());
        provider.setConverter(MailSettingsView.converter(OAuthProvider::label));
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        Forms.row(g, 0, "Provider", provider);

        BooleanBinding microsoft = vm.providerProperty().isEqualTo(OAuthProvider.MICROSOFT);
        BooleanBinding custom = vm.providerProperty().isEqualTo(OAuthProvider.CUSTOM);
        TextField tenant = MailSettingsView.text("oauthTenant", vm.tenantProperty(),
                OAuthClient.MICROSOFT_DEFAULT_TENANT + ", contoso.onmicrosoft.com or the directory (tenant) id");
        shownIf(g, 1, "Tenant", tenant, microsoft);
        Forms.row(g, 2, "Client id", MailSettingsView.text("oauthClientId", vm.clientIdProperty(),
                "Application (client) id of the app registration"));
        shownIf(g, 3, "Client secret", MailSettingsView.password("oauthClientSecret", vm.clientSecretProperty()),
                microsoft.not());
        shownIf(g, 4, "Authorization URL", MailSettingsView.text("oauthAuthorizeUrl", vm.authorizeUrlProperty(),
                "https://auth.example.com/authorize"), custom);
        shownIf(g, 5, "Token URL", MailSettingsView.text("oauthTokenUrl", vm.tokenUrlProperty(),
                "https://auth.example.com/token"), custom);
        shownIf(g, 6, "Device URL", MailSettingsView.text("oauthDeviceUrl", vm.deviceUrlProperty(),
                "optional: for 'mail sign-in --device'"), custom);
        shownIf(g, 7, "Scopes", MailSettingsView.text("oauthScopes", vm.scopesProperty(),
                "separated by spaces, e.g. imap smtp offline_access"), custom);

        Button signIn = MailSettingsView.button("oauthSignIn", "Sign in with the browser\u2026");
        signIn.setOnAction(e -> vm.signIn());
        signIn.disableProperty().bind(vm.busyProperty());
        Button cancel = MailSettingsView.button("oauthCancel", "Cancel sign-in");
        cancel.setOnAction(e -> vm.cancel());
        Forms.showWhen(cancel, vm.busyProperty());
        g.add(new HBox(8, signIn, cancel), 1, 8);

        Label signedIn = new Label();
        signedIn.setId("oauthSignedIn");
        signedIn.setWrapText(true);
        signedIn.textProperty().bind(vm.signedInProperty());
        signedIn.setMinHeight(Region.USE_PREF_SIZE);

        TextField address = new TextField();
        address.setId("oauthAddress");
        address.setEditable(false);
        address.textProperty().bind(vm.waitingAddressProperty());
        Forms.showWhen(address, vm.waitingAddressProperty().isNotEmpty());

        Label status = new Label();
        status.setId("oauthStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);

        VBox box = new VBox(6, g, signedIn, status, address);
        box.setPadding(new Insets(0, 8, 8, 8));
        return box;
    }

    /** A labelled row that is only there (and takes no room) while {@code shown}. */
    private static void shownIf(GridPane g, int row, String label, Node field, BooleanBinding shown) {
        Forms.row(g, row, label, field);
        for (Node n : g.getChildren()) {
            if (GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == row) {
                Forms.showWhen(n, shown);
            }
        }
    }
}
