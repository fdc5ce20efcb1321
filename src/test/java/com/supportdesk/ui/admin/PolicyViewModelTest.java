package com.supportdesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.HolidayRegion;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyViewModelTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Store store;
    Agent admin;
    PolicyViewModel vm;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        vm = new PolicyViewModel(store, admin, TaskExecutor.direct(), clock, ZoneOffset.UTC);
        vm.load().join();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void targetsAndTimesAreReadAsPeopleWriteThem() {
        assertThat(PolicyViewModel.parseTarget("S1", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(PolicyViewModel.parseTarget("S1", " 4 hours ")).isEqualTo(Duration.ofHours(4));
        assertThat(PolicyViewModel.parseTarget("S1", "1h 30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PolicyViewModel.parseTarget("S1", "90 min")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PolicyViewModel.parseTarget("S1", "1:45")).isEqualTo(Duration.ofMinutes(105));
        assertThat(PolicyViewModel.parseTarget("S1", "8")).isEqualTo(Duration.ofHours(8));
        assertThat(PolicyViewModel.formatTarget(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        assertThat(PolicyViewModel.formatTarget(Duration.ofMinutes(45))).isEqualTo("45m");
        assertThat(PolicyViewModel.formatTarget(Duration.ofHours(4))).isEqualTo("4h");
        assertThatThrownBy(() -> PolicyViewModel.parseTarget("S2", "soon")).isInstanceOf(StoreException.Invalid.class)
                .hasMessage("S2 target: write it in hours and minutes, e.g. 1h, 4h or 1h 30m ('soon' is not).");
        assertThatThrownBy(() -> PolicyViewModel.parseTarget("S3", "0m")).hasMessage("S3 target must be longer than zero.");
        assertThat(PolicyViewModel.parseTime("Opening time", "9")).isEqualTo(LocalTime.of(9, 0));
        assertThat(PolicyViewModel.parseTime("Opening time", "9:30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(PolicyViewModel.parseTime("Opening time", "0930")).isEqualTo(LocalTime.of(9, 30));
        assertThatThrownBy(() -> PolicyViewModel.parseTime("Closing time", "25:00"))
                .hasMessage("Closing time: write a time of day such as 09:00 ('25:00' is not).");
    }

    @Test
    void theFormStartsFromTheStandardPolicyAndListsTheYearsHolidays() {
        assertThat(vm.s1Property().get()).isEqualTo("1h");
        assertThat(vm.s2Property().get()).isEqualTo("4h");
        assertThat(vm.s3Property().get()).isEqualTo("8h");
        assertThat(vm.opensProperty().get()).isEqualTo("09:00");
        assertThat(vm.closesProperty().get()).isEqualTo("18:00");
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.holidays()).extracting(PolicyViewModel.HolidayLine::date).contains(d("2026-12-25"), d("2026-12-28"));
        assertThat(vm.holidays()).filteredOn(h -> h.date().equals(d("2026-12-28"))).singleElement()
                .extracting(PolicyViewModel.HolidayLine::name).asString().contains("Boxing Day");
        vm.regionProperty().set(HolidayRegion.SCOTLAND);
        assertThat(vm.holidays()).extracting(PolicyViewModel.HolidayLine::date).contains(d("2026-11-30"), d("2026-01-02"));
    }

    @Test
    void closuresCanBeAddedAndHolidaysKeptOpen() {
        vm.addClosure(d("2026-12-24"));
        vm.addClosure(d("2026-12-26"));
        assertThat(vm.errorProperty().get()).isEqualTo("Sat 26 Dec 2026 is a weekend day.");
        vm.addClosure(d("2026-12-25"));
        assertThat(vm.errorProperty().get()).isEqualTo("Fri 25 Dec 2026 is already a bank holiday (England and Wales).");
        vm.keepOpen(d("2026-12-28"));
        assertThat(vm.extraClosures()).containsExactly(d("2026-12-24"));
        assertThat(vm.removedHolidays()).containsExactly(d("2026-12-28"));
        assertThat(vm.holidays()).filteredOn(h -> h.date().equals(d("2026-12-24"))).singleElement()
                .matches(PolicyViewModel.HolidayLine::officeClosure);
        assertThat(vm.holidays()).filteredOn(h -> h.date().equals(d("2026-12-28"))).singleElement()
                .matches(PolicyViewModel.HolidayLine::keptOpen);
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.revert();
        assertThat(vm.extraClosures()).isEmpty();
        assertThat(vm.removedHolidays()).isEmpty();
    }

    @Test
    void importingAddsOnlyDatesTheDeskIsOpenOn() throws Exception {
        Path ics = Path.of(getClass().getResource("/com/supportdesk/sla/office-closures.ics").toURI());
        String summary = vm.importFile(ics).join();
        assertThat(summary).startsWith("Imported from office-closures.ics (iCalendar): 9 closures added, 1 at weekends.")
                .contains("'Stocktake' repeats");
        assertThat(vm.extraClosures()).contains(d("2026-06-02"), d("2026-12-29")).doesNotContain(d("2026-07-11"));
        assertThat(vm.holidays()).filteredOn(h -> h.date().equals(d("2026-06-02"))).singleElement()
                .extracting(PolicyViewModel.HolidayLine::name).isEqualTo("Office closure \u2014 Company away day (whole office, folded line)");

        Path json = Path.of(getClass().getResource("/com/supportdesk/sla/bank-holidays.json").toURI());
        vm.regionProperty().set(HolidayRegion.ENGLAND_AND_WALES);
        assertThat(vm.importFile(json).join()).contains("0 closures added, 8 already closed");

        Path broken = Path.of(getClass().getResource("/com/supportdesk/sla/broken.json").toURI());
        assertThat(vm.importFile(broken).join()).isEqualTo("Could not import broken.json: This is not valid JSON:"
                + " unexpected ']' at line 3, column 1.");
        assertThat(vm.errorProperty().get()).startsWith("Could not import broken.json");
    }

    @Test
    void aVersionEffectiveLaterLeavesEarlierTicketsAloneAndMeasuresLaterOnesUnderIt() {
        Agent al = TestStores.agent(store, admin, "al", Clearance.NONE);
        Ticket before = store.changes().create(al, NewTicket.of("before", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-11-25T10:00:00Z")));
        vm.s2Property().set("2h");
        vm.effectiveDateProperty().set(d("2026-11-26"));
        vm.effectiveTimeProperty().set("09:00");
        assertThat(vm.effectiveWarningProperty().get()).isEmpty();
        assertThat(vm.save().isCompletedExceptionally()).isTrue();
        assertThat(vm.errorProperty().get()).startsWith("Add a note");
        vm.noteProperty().set("S2 now 2 h");
        vm.save().join();
        assertThat(vm.versions()).hasSize(2).last().extracting(v -> v.note()).isEqualTo("S2 now 2 h");
        assertThat(vm.statusProperty().get()).startsWith("Saved: the new version is in force from Thu 26 Nov 2026 09:00.");
        assertThat(store.tickets().get(al, before.id()).deadline()).isEqualTo(before.deadline())
                .isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
        Ticket after = store.changes().create(al, NewTicket.of("after", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-11-26T10:00:00Z")));
        assertThat(after.deadline()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(vm.s2Property().get()).as("the form shows the version just saved").isEqualTo("2h");
    }

    @Test
    void anEffectiveInstantInThePastIsWarnedAbout() {
        vm.effectiveDateProperty().set(d("2026-11-20"));
        vm.effectiveTimeProperty().set("09:00");
        assertThat(vm.effectiveInThePast()).isTrue();
        assertThat(vm.effectiveWarningProperty().get()).startsWith("This is in the past: tickets received since Fri 20 Nov 2026 09:00"
                + " will be re-measured");
        vm.resetEffective();
        assertThat(vm.effectiveInThePast()).isFalse();
        assertThat(vm.effectiveWarningProperty().get()).isEmpty();
        assertThat(vm.effectiveInstant()).isEqualTo(clock.instant());
    }
}
