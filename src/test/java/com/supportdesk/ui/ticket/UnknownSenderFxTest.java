package com.supportdesk.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Conversation.NewMessage;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.UiTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 13: the conversation shows which e-mail came from an unknown sender. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class UnknownSenderFxTest {

    @TempDir
    static Path shared;

    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    UiTaskExecutor executor = new UiTaskExecutor("test-db");
    Store store;
    Agent admin;
    Ticket ticket;
    TicketDetailViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        store = TestStores.open(Files.createTempDirectory(shared, "desk"), clock);
        admin = TestStores.admin(store);
        var acme = store.customers().create(admin, "Acme Health", false, 4);
        var ann = store.contacts().create(admin, acme.id(), "Ann Customer", "ann@acme.example", null,
                ContactRole.ADMINISTRATOR);
        ticket = store.changes().create(admin, NewTicket.of("Printer broken", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-03-11T10:00:00Z")).withCustomer(acme.id(), ann.id()));
        store.database().runInTx(tx -> {
            store.conversation().addMessage(tx, ticket.id(), new NewMessage(MessageKind.EMAIL, Direction.IN, "<ann@acme.example>",
                    null, null, "ann@acme.example", "desk@localhost", "Printer broken", Instant.parse("2026-03-11T10:00:00Z"),
                    "Please help.", null));
            long stranger = store.conversation().addMessage(tx, ticket.id(), new NewMessage(MessageKind.EMAIL, Direction.IN,
                    "<m@attacker.example>", null, null, "mallory@attacker.example", "desk@localhost", "Re: [SD-1]",
                    Instant.parse("2026-03-11T10:30:00Z"), "Reply to me instead.", null));
            store.mailbox().markUnknownSender(tx, stranger);
        });
        ScriptedDialogs dialogs = new ScriptedDialogs();
        vm = new TicketDetailViewModel(Session.open(store, admin, ZoneOffset.UTC), executor, dialogs,
                new Countdown(ZoneOffset.UTC), "test");
        TicketActions actions = new TicketActions(vm, () -> stage, (owner, agent, t, onSent) -> { },
                (agent, t) -> { }, dialogs, executor);
        stage.setScene(new Scene(new TicketDetailView(vm, actions, new ActionFactory()), 800, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    @Test
    void theStrangersMailIsMarkedInTheConversation(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.show(ticket)).get().get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        List<TicketDetailViewModel.Entry> entries = vm.conversation();
        assertThat(entries).extracting(TicketDetailViewModel.Entry::body, TicketDetailViewModel.Entry::unknownSender)
                .containsExactly(Tuple.tuple("Please help.", false),
                        Tuple.tuple("Reply to me instead.", true));
        assertThat(robot.lookup(".entry-unknown-sender").queryAllAs(Label.class)).singleElement()
                .satisfies(l -> assertThat(l.getText()).isEqualTo(TicketDetailViewModel.UNKNOWN_SENDER));
    }
}
