package com.supportdesk.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ticket dialogs' view-models without the toolkit: what they ask, check and submit. */
class TicketFormsTest {

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    Store store;
    Agent lead;
    TicketDetailViewModel vm;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        lead = new Wiring(Map.of(), clock).seedDemo(store);
        vm = new TicketDetailViewModel(Session.open(store, lead, ZoneId.of("Europe/London")), TaskExecutor.direct(),
                new ScriptedDialogs(), new Countdown(ZoneId.of("Europe/London")), "test");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Ticket at(SupportLevel level) {
        Ticket t = store.tickets().board(lead, Instant.EPOCH).stream().filter(x -> x.level() == level && !x.redacted())
                .findFirst().orElseThrow();
        vm.show(t).join();
        return t;
    }

    private static String failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        return Errors.plain(f.handle((v, e) -> e).join());
    }

    @Test
    void onlyTheStepToLevelThreeAsksForReproductionAndIsolation() {
        LevelForm fromOne = new LevelForm(vm, at(SupportLevel.L1));
        assertThat(fromOne.levelProperty().get()).isEqualTo(SupportLevel.L2);
        assertThat(fromOne.reproductionNeededBinding().get()).isFalse();
        fromOne.levelProperty().set(SupportLevel.L3);
        assertThat(fromOne.reproductionNeededBinding().get()).isTrue();

        Ticket two = at(SupportLevel.L2);
        LevelForm fromTwo = new LevelForm(vm, two);
        assertThat(fromTwo.levelProperty().get()).isEqualTo(SupportLevel.L3);
        assertThat(fromTwo.reproductionNeededBinding().get()).isTrue();
        fromTwo.reasonProperty().set("defect in the importer");
        assertThat(failure(fromTwo.submit())).startsWith("Escalating to level 3 needs the complete steps to reproduce");
        fromTwo.stepsProperty().set("1. import the March file");
        fromTwo.isolationProperty().set("reproduced on a clean tenant");
        fromTwo.submit().join();
        assertThat(store.tickets().get(lead, two.id()).level()).isEqualTo(SupportLevel.L3);

        LevelForm back = new LevelForm(vm, store.tickets().get(lead, two.id()));
        back.levelProperty().set(SupportLevel.L2);
        assertThat(back.reproductionNeededBinding().get()).as("handing back needs no reproduction").isFalse();
    }

    @Test
    void assigningNeedsSomeoneOrTheUnassignedBox() {
        Ticket t = at(SupportLevel.L1);
        AssignForm form = new AssignForm(vm, t);
        form.load().join();
        assertThat(form.agents()).isNotEmpty();
        form.assigneeProperty().set(null);
        assertThat(failure(form.submit())).isEqualTo("Choose someone, or tick 'Leave it unassigned'.");
        form.unassignedProperty().set(true);
        form.submit().join();
        assertThat(store.tickets().get(lead, t.id()).assigneeId()).isNull();
        form.unassignedProperty().set(false);
        form.assigneeProperty().set(lead);
        form.submit().join();
        assertThat(store.tickets().get(lead, t.id()).assigneeId()).isEqualTo(lead.id());
    }

    @Test
    void aNewTicketIsReceivedAtTheTimeTypedNeverLater() {
        NewTicketForm form = new NewTicketForm(vm, TaskExecutor.direct());
        assertThat(form.askedAtProperty().get()).isEqualTo("11:00"); // 11:00 GMT is 11:00 in London in March
        form.subjectProperty().set("Printer queue stuck");
        form.severityProperty().set(Severity.S2);

        form.askedAtProperty().set("9.30");
        assertThat(failure(form.submit())).isEqualTo("Type the time the customer asked as HH:MM, e.g. 09:30.");

        form.askedAtProperty().set("23:15");
        assertThat(form.received()).isEqualTo(clock.instant());

        form.askedAtProperty().set("09:30");
        Ticket t = form.submit().join();
        assertThat(t.received()).isEqualTo(Instant.parse("2026-03-11T09:30:00Z"));
        assertThat(t.severity()).isEqualTo(Severity.S2);
    }

    @Test
    void theRuleIsTheDomainsOne() {
        assertThat(SupportLevel.L3.needsReproductionFrom(SupportLevel.L2)).isTrue();
        assertThat(SupportLevel.L3.needsReproductionFrom(SupportLevel.L1)).isTrue();
        assertThat(SupportLevel.L3.needsReproductionFrom(SupportLevel.L3)).isFalse();
        assertThat(SupportLevel.L2.needsReproductionFrom(SupportLevel.L1)).isFalse();
    }
}
