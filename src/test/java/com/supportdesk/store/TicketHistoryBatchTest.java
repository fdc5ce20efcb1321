package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.EventKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketEvent;
import com.supportdesk.testing.OneDeskTest;
import com.supportdesk.testing.TestDesk;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17: a transaction's history entries go to the database together, in one batch, before it commits. The
 * transaction still reads its own entries, they commit or roll back with it, and an entry the database refuses
 * fails the transaction as it did when each was sent at once.
 */
class TicketHistoryBatchTest extends OneDeskTest {

    private Ticket ticket(Store store) {
        return store.changes().create(desk.admin(), new NewTicket("Printer on fire", Severity.S3, SupportLevel.L1,
                Channel.PHONE, null, null, Instant.now(), null, Classification.OFFICIAL, false, null));
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void aTransactionReadsItsOwnEntriesAndTheyCommitWithIt(TestDesk.Engine engine) {
        open(engine);
        Store store = desk.store();
        Ticket t = ticket(store);
        long before = store.history().lastEventId();

        List<String> inside = store.database().inTx(tx -> {
            store.history().event(tx, t.id(), desk.admin(), EventKind.NOTE_ADDED, "first");
            store.history().event(tx, t.id(), desk.admin(), EventKind.NOTE_ADDED, "second");
            return store.history().history(desk.admin(), t.id()).stream().map(TicketEvent::detail).toList();
        });

        assertThat(inside).endsWith("first", "second");
        assertThat(store.history().history(desk.admin(), t.id())).extracting(TicketEvent::detail).endsWith("first", "second");
        assertThat(store.history().lastEventId()).isGreaterThan(before);
        assertThat(store.history().changesSince(before).ticketIds()).containsExactly(t.id());
    }

    @ParameterizedTest
    @EnumSource(TestDesk.Engine.class)
    void entriesOfATransactionThatFailsAreNotKeptAndARefusedEntryFailsItsTransaction(TestDesk.Engine engine) {
        open(engine);
        Store store = desk.store();
        Ticket t = ticket(store);
        int stored = store.history().history(desk.admin(), t.id()).size();

        assertThatThrownBy(() -> store.database().runInTx(tx -> {
            store.history().event(tx, t.id(), desk.admin(), EventKind.NOTE_ADDED, "rolled back");
            throw new IllegalStateException("the work failed");
        })).isInstanceOf(IllegalStateException.class);
        // an entry for a ticket that does not exist: the database refuses it when the batch is sent, at the commit
        assertThatThrownBy(() -> store.database().runInTx(tx -> {
            store.history().event(tx, t.id(), desk.admin(), EventKind.NOTE_ADDED, "with a refused one");
            store.history().event(tx, t.id() + 1_000, desk.admin(), EventKind.NOTE_ADDED, "refused");
        })).isInstanceOf(StoreException.class);

        assertThat(store.history().history(desk.admin(), t.id())).hasSize(stored)
                .extracting(TicketEvent::detail).doesNotContain("rolled back", "with a refused one");
    }
}
