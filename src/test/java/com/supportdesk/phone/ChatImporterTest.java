package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatImporterTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // the agent's zone: UTC+1 in November
    private static final String CHAT = """
            [10:02] Gail Gov: Hello, reports take minutes to load
            since this morning.
            [10:07] Olive: Hi Gail, I'm looking at it now.
            [10:09] Gail Gov: Thanks!
            """;

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T12:00:00Z");
    Store store;
    Agent admin;
    Agent olive;
    ChatImporter chats;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        olive = TestStores.agent(store, admin, "olive", Clearance.NONE);
        chats = new ChatImporter(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Transcript parse(String text) {
        return TranscriptParser.parse(text, LocalDate.of(2026, 11, 25));
    }

    @Test
    void aTranscriptOpensAChatTicketReceivedAtItsFirstLineAndTheAgentsLineIsTheFirstContact() {
        Transcript t = parse(CHAT);
        Set<String> desk = t.deskParticipants(chats.agentNames());
        assertThat(desk).containsExactly("Olive");

        ChatImporter.ChatOutcome out = chats.importAsNewTicket(olive, t, BERLIN, desk,
                new ChatImporter.ChatTicket(null, Severity.S2, null, null, null, false));

        Ticket ticket = store.tickets().get(admin, out.ticket().id());
        assertThat(out.ticketCreated()).isTrue();
        assertThat(ticket.received()).isEqualTo(Instant.parse("2026-11-25T09:02:00Z"));
        assertThat(ticket.channel()).isEqualTo(Channel.CHAT);
        assertThat(ticket.subject()).isEqualTo("Hello, reports take minutes to load since this morning.");
        assertThat(ticket.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T09:07:00Z"));
        assertThat(ticket.firstContactEvent()).isEqualTo(ContactEvent.CHAT_REPLY);
        assertThat(out.stoppedClock()).isTrue();
        TicketDetail d = store.tickets().open(admin, ticket.id(), "test");
        Message m = d.messages().get(0);
        assertThat(d.messages()).hasSize(1);
        assertThat(m.kind()).isEqualTo(MessageKind.CHAT);
        assertThat(m.at()).isEqualTo(ticket.received());
        assertThat(m.body()).isEqualTo(CHAT.strip());
        assertThat(m.from()).isEqualTo("Gail Gov");
        assertThat(d.history()).extracting(e -> e.kind()).containsExactly(EventKind.CREATED, EventKind.CHAT_LOGGED,
                EventKind.FIRST_CONTACT);
    }

    @Test
    void aTranscriptOnAnExistingTicketIsAChatMessageAndAMarkedParticipantCountsAsTheDesk() {
        Ticket existing = store.changes().create(olive, NewTicket.of("Reports slow", Severity.S3, Channel.EMAIL,
                Instant.parse("2026-11-25T08:00:00Z")));
        Transcript t = parse("[10:02] Gail Gov: any news?\n[10:04] Support Desk: Yes, fixed.\n");
        assertThat(t.deskParticipants(chats.agentNames())).isEmpty();

        ChatImporter.ChatOutcome out = chats.importIntoTicket(olive, t, BERLIN, List.of("Support Desk"), existing.id(),
                false);

        assertThat(out.ticketCreated()).isFalse();
        assertThat(out.stoppedClock()).isTrue();
        Ticket after = store.tickets().get(olive, existing.id());
        assertThat(after.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T09:04:00Z"));
        assertThat(after.firstContactEvent()).isEqualTo(ContactEvent.CHAT_REPLY);
        assertThat(after.received()).isEqualTo(existing.received());
        assertThat(store.tickets().open(olive, existing.id(), "test").messages()).extracting(Message::kind)
                .containsExactly(MessageKind.CHAT);
    }

    @Test
    void aChatWithoutADeskLineOrAfterAnEarlierContactDoesNotMoveTheClock() {
        Ticket existing = store.changes().create(olive, NewTicket.of("Reports slow", Severity.S3, Channel.EMAIL,
                Instant.parse("2026-11-25T08:00:00Z")));
        store.changes().recordContact(olive, existing.id(), Instant.parse("2026-11-25T08:30:00Z"), ContactEvent.EMAIL_REPLY);
        assertThat(chats.importIntoTicket(olive, parse(CHAT), BERLIN, Set.of("Olive"), existing.id(), false)
                .stoppedClock()).isFalse();
        assertThat(store.tickets().get(olive, existing.id()).firstContactEvent()).isEqualTo(ContactEvent.EMAIL_REPLY);

        ChatImporter.ChatOutcome noReply = chats.importAsNewTicket(olive, parse("[10:02] Gail Gov: hello?"), BERLIN,
                Set.of("Olive"), new ChatImporter.ChatTicket("Unanswered", Severity.S3, null, null, null, false));
        assertThat(noReply.firstReply()).isNull();
        assertThat(store.tickets().get(olive, noReply.ticket().id()).firstContactAt()).isNull();
    }

    @Test
    void aMarkedTranscriptIsSensitiveAndAFutureOneIsRefused() {
        ChatImporter.ChatOutcome out = chats.importAsNewTicket(olive,
                parse("[10:02] Gail Gov: OFFICIAL SENSITIVE: case files exposed"), BERLIN, Set.of(),
                new ChatImporter.ChatTicket("Case files", Severity.S1, null, null, null, false));
        assertThat(out.ticket().redacted()).isTrue();
        assertThat(store.tickets().get(admin, out.ticket().id()).sensitive()).isTrue();

        assertThatThrownBy(() -> chats.importAsNewTicket(olive, parse("[23:10] Gail Gov: hi"), BERLIN, Set.of(),
                new ChatImporter.ChatTicket("Late", Severity.S3, null, null, null, false)))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("is in the future")
                .hasMessageContaining("2026-11-24");
    }
}
