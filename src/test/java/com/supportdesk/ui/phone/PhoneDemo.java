package com.supportdesk.ui.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.UiTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * A hand-run demo of the phone screens as the main window will wire them (not a test):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.supportdesk.ui.phone.PhoneDemo}.
 * Opens a fresh database in a temporary folder with an operator, two callers and an open ticket; Ctrl+L
 * opens the console, the toolbar has an outbound call on the ticket and "Log chat".
 */
public final class PhoneDemo extends Application {

    private Store store;
    private UiTaskExecutor executor;

    @Override
    public void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("phone-demo");
        store = TestStores.open(dir, Clock.systemUTC());
        Agent admin = TestStores.admin(store);
        Agent operator = TestStores.agent(store, admin, "olive", Clearance.NONE);
        Customer gov = store.customers().create(admin, "Home Office Digital", true, 4);
        Customer acme = store.customers().create(admin, "Acme Widgets", false, 0);
        var gail = store.contacts().create(admin, gov.id(), "Gail Gov", "gail@gov.example", "+44 20 7946 0018",
                ContactRole.ADMINISTRATOR);
        store.contacts().create(admin, acme.id(), "Rita Regular", "rita@acme.example", "01632 960123",
                ContactRole.REGISTERED_USER);
        Ticket open = store.changes().create(operator, NewTicket.of("Reports slow", Severity.S2, Channel.EMAIL,
                Clock.systemUTC().instant()).withCustomer(gov.id(), gail.id()));

        executor = new UiTaskExecutor("phone", 1);
        CallConsole phone = new CallConsole(store, Clock.systemUTC(), ZoneId.systemDefault(), executor);
        Label last = new Label("Ctrl+L: log a call \u2014 data in " + dir);
        phone.setOnLogged(t -> last.setText("Logged on " + t.ref()));
        Runnable inbound = () -> phone.open(stage, operator, null);
        Button outbound = new Button("Call back on " + open.ref());
        outbound.setOnAction(e -> phone.open(stage, operator, open.id()));
        Button chat = new Button("Log chat\u2026");
        chat.setOnAction(e -> phone.openChatLog(stage, operator, null));
        ActionFactory actions = new ActionFactory();
        MenuBar menus = new MenuBar(new Menu("_Phone", null, actions.menuItem(DeskAction.NEW_CALL, inbound),
                actions.menuItem(DeskAction.LOG_CHAT, () -> phone.openChatLog(stage, operator, null))));
        BorderPane root = new BorderPane(last);
        root.setTop(new BorderPane(new ToolBar(actions.button(DeskAction.NEW_CALL, inbound), outbound, chat), menus, null,
                null, null));
        Scene scene = new Scene(root, 900, 500);
        stage.setTitle("Phone demo");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (store != null) {
            store.close();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
