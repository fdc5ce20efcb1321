package com.supportdesk.ui.admin;

import static com.supportdesk.ui.admin.DeskFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.report.Availability;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.AuditRepository.AuditEntry;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.DeskView;
import com.supportdesk.ui.board.BoardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Administration, the access audit and About under headless Monocle, through the desk's menus. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AdminFxTest {

    @TempDir
    static Path shared;

    final DeskFixture f = new DeskFixture();

    @Start
    void start(Stage stage) throws Exception {
        f.start(shared, stage);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private static Optional<MenuItem> menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> menus(FxRobot robot) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream().map(Menu::getText).toList();
    }

    /** Fires a menu entry and returns the window it opened (the newest one showing). */
    private static Window fire(FxRobot robot, String id) throws Exception {
        List<Window> before = List.copyOf(Window.getWindows());
        MenuItem item = menuItem(robot, id).orElseThrow(() -> new AssertionError("no menu entry " + id));
        robot.interact(item::fire);
        waitFor(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && !before.contains(w)));
        Window w = Window.getWindows().stream().filter(x -> x.isShowing() && !before.contains(x)).findFirst().orElseThrow();
        robot.interact(w::requestFocus);
        return w;
    }

    private static <T extends Node> T in(FxRobot robot, Window w, String id, Class<T> type) {
        return robot.from(w.getScene().getRoot()).lookup(id).queryAs(type);
    }

    /** Types into a field with the keyboard (slow: used where typing itself matters). */
    private static void type(FxRobot robot, Window w, String id, String text) {
        TextInputControl t = in(robot, w, id, TextInputControl.class);
        robot.interact(() -> t.setText(""));
        robot.clickOn(t).write(text);
    }

    /** Fills a field (what the user typed; the binding to the view-model is what is under test). */
    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, Window w, String id) {
        return in(robot, w, id, ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, Window w, String id) {
        return in(robot, w, id, TableView.class);
    }

    private static void set(FxRobot robot, Window w, String id, String text) {
        TextInputControl t = in(robot, w, id, TextInputControl.class);
        robot.interact(() -> t.setText(text));
    }

    /** Clicks with the mouse. */
    private static void click(FxRobot robot, Window w, String id) {
        robot.clickOn(in(robot, w, id, Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses a button or check box the quick way (its action, as a click or the space bar runs it). */
    private static void press(FxRobot robot, Window w, String id) {
        ButtonBase b = in(robot, w, id, ButtonBase.class);
        robot.interact(b::fire);
    }

    private static String label(FxRobot robot, Window w, String id) {
        return in(robot, w, id, Label.class).getText();
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void adminMenuOnlyForAdminsAndTheAuditOnlyForClearedLeads(FxRobot robot) throws Exception {
        Agent lead = f.store.agents().findByUsername("lead").orElseThrow();
        f.store.agents().create(lead, new AgentSpec("una", "Una Lead", Clearance.NONE, SupportLevel.L2, true, false, true),
                TestStores.password("una").toCharArray());
        f.store.agents().create(lead, new AgentSpec("cleo", "Cleo Lead", Clearance.CLEARED, SupportLevel.L2, true, false,
                true), TestStores.password("cleo").toCharArray());

        f.desk(robot, "agent");
        assertThat(menus(robot)).containsExactly("_File", "_Ticket", "_View", "_Reports", "_Help");
        for (String id : List.of("menuPolicy", "menuAgents", "menuCustomers", "menuTraining", "menuOutages", "menuAudit",
                "menuWallboard")) {
            assertThat(menuItem(robot, id)).as(id).isEmpty();
        }
        assertThat(menuItem(robot, "menuQuarterlyReport")).isPresent();
        assertThat(menuItem(robot, "menuAbout")).isPresent();

        f.desk(robot, "clara"); // cleared, not a lead
        assertThat(menus(robot)).doesNotContain("_Admin", "_Lead");
        assertThat(menuItem(robot, "menuAudit")).isEmpty();

        f.desk(robot, "una"); // a lead without clearance
        assertThat(menus(robot)).contains("_Lead").doesNotContain("_Admin");
        assertThat(menuItem(robot, "menuTraining")).isPresent();
        assertThat(menuItem(robot, "menuAudit")).isEmpty();
        assertThat(menuItem(robot, "menuPolicy")).isEmpty();

        f.desk(robot, "cleo"); // a cleared lead who is not an admin
        assertThat(menuItem(robot, "menuAudit")).isPresent();
        assertThat(menuItem(robot, "menuAgents")).isEmpty();

        f.desk(robot, "lead");
        assertThat(menus(robot)).containsExactly("_File", "_Ticket", "_View", "_Admin", "_Reports", "_Help");
        for (String id : List.of("menuPolicy", "menuAgents", "menuCustomers", "menuTraining", "menuOutages", "menuAudit",
                "menuWallboard")) {
            assertThat(menuItem(robot, id)).as(id).isPresent();
        }
    }

    // ---------------------------------------------------------------- policy

    @Test
    void aPolicyVersionSavedFromTheScreenMeasuresOnlyLaterTickets(FxRobot robot) throws Exception {
        DeskView desk = f.desk(robot, "lead");
        Agent lead = desk.session().agent();
        Ticket existing = f.store.changes().create(lead, NewTicket.of("Before the change", Severity.S2, Channel.EMAIL,
                f.clock.instant()));
        Window w = fire(robot, "menuPolicy");
        waitFor(() -> table(robot, w, "#policyHistory").getItems().size() == 1);
        @SuppressWarnings("unchecked")
        ListView<PolicyViewModel.HolidayLine> holidays = in(robot, w, "#holidayList", ListView.class);
        assertThat(holidays.getItems()).extracting(PolicyViewModel.HolidayLine::date)
                .contains(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"));

        type(robot, w, "#targetS2", "2h");
        robot.interact(() -> in(robot, w, "#effectiveDate", DatePicker.class)
                .setValue(LocalDate.parse("2026-03-12")));
        set(robot, w, "#effectiveTime", "09:00");
        set(robot, w, "#policyNote", "S2 answered within 2 h from tomorrow");
        assertThat(in(robot, w, "#effectiveWarning", Label.class).isVisible()).isFalse();
        click(robot, w, "#policySave");
        waitFor(() -> in(robot, w, "#policyStatus", Label.class).isVisible());
        assertThat(label(robot, w, "#policyStatus")).startsWith("Saved: the new version is in force from Thu 12 Mar 2026 09:00");
        assertThat(table(robot, w, "#policyHistory").getItems()).hasSize(2);

        assertThat(f.store.tickets().get(lead, existing.id()).deadline()).isEqualTo(existing.deadline());
        Ticket later = f.store.changes().create(lead, NewTicket.of("After the change", Severity.S2, Channel.EMAIL,
                Instant.parse("2026-03-12T10:00:00Z")));
        assertThat(later.deadline()).isEqualTo(Instant.parse("2026-03-12T12:00:00Z"));
        assertThat(f.store.policy().versions().get(1).note()).isEqualTo("S2 answered within 2 h from tomorrow");

        // a time in the past is warned about before saving
        set(robot, w, "#effectiveTime", "08:00");
        robot.interact(() -> in(robot, w, "#effectiveDate", DatePicker.class)
                .setValue(LocalDate.parse("2026-03-10")));
        assertThat(in(robot, w, "#effectiveWarning", Label.class).isVisible()).isTrue();
        assertThat(label(robot, w, "#effectiveWarning")).contains("re-measured");
    }

    // ---------------------------------------------------------------- agents

    @Test
    void agentsAreCreatedEditedAndGetANewPassword(FxRobot robot) throws Exception {
        f.desk(robot, "lead");
        Window w = fire(robot, "menuAgents");
        waitFor(() -> table(robot, w, "#agentsTable").getItems().size() == 5);
        press(robot, w, "#newAgent");
        type(robot, w, "#agentUsername", "nina");
        set(robot, w, "#agentDisplayName", "Nina Shaw");
        robot.interact(() -> combo(robot, w, "#agentLevel").getSelectionModel().select(SupportLevel.L2));
        press(robot, w, "#agentLead");
        set(robot, w, "#agentPassword", "first-pass-phrase");
        set(robot, w, "#agentPassword2", "first-pass-phras");
        click(robot, w, "#agentSave");
        waitFor(() -> in(robot, w, "#agentError", Label.class).isVisible());
        assertThat(label(robot, w, "#agentError")).isEqualTo("The two passwords are not the same.");
        set(robot, w, "#agentPassword2", "first-pass-phrase");
        press(robot, w, "#agentSave");
        waitFor(() -> f.store.agents().findByUsername("nina").isPresent() && in(robot, w, "#agentStatus", Label.class).isVisible());
        Agent nina = f.store.agents().findByUsername("nina").orElseThrow();
        assertThat(nina.displayName()).isEqualTo("Nina Shaw");
        assertThat(nina.level()).isEqualTo(SupportLevel.L2);
        assertThat(nina.lead()).isTrue();
        assertThat(nina.cleared()).isFalse();
        assertThat(f.store.agents().authenticate("nina", "first-pass-phrase".toCharArray()).id()).isEqualTo(nina.id());

        // edit: the user name is fixed, the rest changes
        assertThat(in(robot, w, "#agentUsername", TextField.class).isEditable()).isFalse();
        press(robot, w, "#agentCleared");
        press(robot, w, "#agentActive");
        press(robot, w, "#agentSave");
        waitFor(() -> !f.store.agents().findByUsername("nina").orElseThrow().active());
        Agent edited = f.store.agents().findByUsername("nina").orElseThrow();
        assertThat(edited.cleared()).isTrue();
        assertThat(edited.lead()).isTrue();

        set(robot, w, "#resetPassword", "second-pass-phrase");
        set(robot, w, "#resetPassword2", "second-pass-phrase");
        press(robot, w, "#agentResetPassword");
        waitFor(() -> label(robot, w, "#agentStatus").startsWith("New password set for Nina Shaw"));
        assertThat(f.store.agents().byId(nina.id())).isPresent();

        // the store's rules come back in plain words
        @SuppressWarnings("unchecked")
        TableView<Agent> table = table(robot, w, "#agentsTable");
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(a -> a.username().equals("lead")).findFirst().orElseThrow()));
        press(robot, w, "#agentAdmin");
        press(robot, w, "#agentSave");
        waitFor(() -> in(robot, w, "#agentError", Label.class).isVisible());
        assertThat(label(robot, w, "#agentError")).isEqualTo("You cannot remove your own admin right or deactivate yourself.");
    }

    // ---------------------------------------------------------------- customers and contacts

    @Test
    void customersAndContactsRoundTripThroughTheStore(FxRobot robot) throws Exception {
        f.desk(robot, "lead");
        Window w = fire(robot, "menuCustomers");
        waitFor(() -> table(robot, w, "#customersTable").getItems().size() == 3);
        press(robot, w, "#newCustomer");
        set(robot, w, "#customerName", "Ministry of Maps");
        press(robot, w, "#customerGovernment");
        set(robot, w, "#customerSessions", "5");
        click(robot, w, "#customerSave");
        waitFor(() -> f.store.customers().byName("Ministry of Maps").isPresent()
                && in(robot, w, "#customerStatus", Label.class).isVisible());
        Customer maps = f.store.customers().byName("Ministry of Maps").orElseThrow();
        assertThat(maps.government()).isTrue();
        assertThat(maps.trainingSessionsContracted()).isEqualTo(5);
        assertThat(label(robot, w, "#customerTraining")).isEqualTo("0 of 5 delivered \u00b7 5 remaining");

        set(robot, w, "#contactName", "Pat Ortiz");
        robot.interact(() -> combo(robot, w, "#contactRole").getSelectionModel().select(ContactRole.ADMINISTRATOR));
        set(robot, w, "#contactEmail", "pat.ortiz@maps.gov.example");
        set(robot, w, "#contactPhone", "+44 20 7946 0999");
        press(robot, w, "#contactSave");
        waitFor(() -> !f.store.contacts().forCustomer(maps.id()).isEmpty());
        Contact pat = f.store.contacts().forCustomer(maps.id()).get(0);
        assertThat(pat.role()).isEqualTo(ContactRole.ADMINISTRATOR);
        assertThat(pat.email()).isEqualTo("pat.ortiz@maps.gov.example");

        set(robot, w, "#contactPhone", "020 7946 0000");
        press(robot, w, "#contactSave");
        waitFor(() -> "020 7946 0000".equals(f.store.contacts().byId(pat.id()).orElseThrow().phone()));
        assertThat(table(robot, w, "#contactsTable").getItems()).hasSize(1);

        // edit the customer: the name and the contracted sessions
        set(robot, w, "#customerSessions", "x");
        press(robot, w, "#customerSave");
        waitFor(() -> in(robot, w, "#customerError", Label.class).isVisible());
        assertThat(label(robot, w, "#customerError")).startsWith("Contracted training sessions: a whole number");
        set(robot, w, "#customerSessions", "6");
        set(robot, w, "#customerName", "Ministry of Maps and Charts");
        press(robot, w, "#customerSave");
        waitFor(() -> f.store.customers().byId(maps.id()).orElseThrow().trainingSessionsContracted() == 6);
        assertThat(f.store.customers().byId(maps.id()).orElseThrow().name()).isEqualTo("Ministry of Maps and Charts");

        // a duplicate name is refused in plain words
        press(robot, w, "#newCustomer");
        set(robot, w, "#customerName", "Harbour Bank plc");
        press(robot, w, "#customerSave");
        waitFor(() -> in(robot, w, "#customerError", Label.class).isVisible());
        assertThat(label(robot, w, "#customerError")).isEqualTo("There is already a customer called 'Harbour Bank plc'.");
    }

    // ---------------------------------------------------------------- training and outages

    @Test
    void trainingSessionsCountAgainstTheContract(FxRobot robot) throws Exception {
        f.desk(robot, "lead");
        Window w = fire(robot, "menuTraining");
        waitFor(() -> combo(robot, w, "#trainingCustomer").getValue() != null
                && in(robot, w, "#trainingSummary", Label.class).isVisible());
        Customer harbour = f.store.customers().byName("Harbour Bank plc").orElseThrow();
        robot.interact(() -> combo(robot, w, "#trainingCustomer").getSelectionModel().select(harbour));
        waitFor(() -> label(robot, w, "#trainingSummary").equals("Contracted 2 \u00b7 delivered 0 \u00b7 remaining 2"));
        set(robot, w, "#trainingTopic", "Reconciliation reports for the finance team");
        set(robot, w, "#trainingAttendees", "Daniel Okafor; Grace Lin");
        click(robot, w, "#trainingAdd");
        waitFor(() -> label(robot, w, "#trainingSummary").equals("Contracted 2 \u00b7 delivered 1 \u00b7 remaining 1"));
        var sessions = f.store.training().list(harbour.id());
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.heldOn()).isEqualTo(LocalDate.parse("2026-03-11"));
            assertThat(s.attendees()).isEqualTo("Daniel Okafor, Grace Lin");
            assertThat(s.deliveredBy()).isEqualTo("Lee Adams");
        });
    }

    @Test
    void scheduledMaintenanceInBusinessHoursIsFlaggedAndCountsAgainstAvailability(FxRobot robot) throws Exception {
        f.desk(robot, "lead");
        Window w = fire(robot, "menuOutages");
        waitFor(() -> table(robot, w, "#availabilityTable").getItems().size() == 6);
        robot.interact(() -> {
            in(robot, w, "#outageStartDate", DatePicker.class).setValue(LocalDate.parse("2026-03-10"));
            in(robot, w, "#outageEndDate", DatePicker.class).setValue(LocalDate.parse("2026-03-10"));
        });
        set(robot, w, "#outageStartTime", "17:00");
        set(robot, w, "#outageEndTime", "20:00");
        set(robot, w, "#outageDescription", "Database upgrade");
        click(robot, w, "#outageScheduled");
        waitFor(() -> in(robot, w, "#outageOverlap", Label.class).isVisible());
        assertThat(label(robot, w, "#outageOverlap")).startsWith("This maintenance overlaps Business Hours by 1 h:");
        press(robot, w, "#outageAdd");
        waitFor(() -> table(robot, w, "#outagesTable").getItems().size() == 1);
        @SuppressWarnings("unchecked")
        TableView<OutagesViewModel.OutageRow> table = table(robot, w, "#outagesTable");
        assertThat(table.getItems().get(0).flagged()).isTrue();
        assertThat(f.store.outages().list(AccessPolicy.NOBODY)).singleElement().satisfies(o -> {
            assertThat(o.scheduled()).isTrue();
            assertThat(o.allCustomers()).isTrue();
        });
        // the hour inside Business Hours counts as unscheduled downtime in March
        @SuppressWarnings("unchecked")
        TableView<Availability.Month> months = table(robot, w, "#availabilityTable");
        waitFor(() -> !months.getItems().isEmpty() && months.getItems().get(0).unscheduledSeconds() == 3600);
        assertThat(months.getItems().get(0).month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(months.getItems().get(0).meetsTarget()).isTrue();
    }

    // ---------------------------------------------------------------- access audit and About

    @Test
    void theAuditListsTheLeadsReadOfASensitiveTicketAndExportsIt(FxRobot robot) throws Exception {
        DeskView desk = f.desk(robot, "lead");
        // the lead opens a sensitive ticket on the Official Sensitive board: the read is audited
        Ticket sensitive = desk.sensitiveBoard().column(BoardViewModel.Column.NEW).get(0);
        robot.interact(() -> desk.sensitiveBoard().select(sensitive));
        waitFor(() -> desk.detail().ticketProperty().get() != null && desk.detail().ticketProperty().get().id() == sensitive.id()
                && !desk.detail().busyProperty().get() && !desk.detail().conversation().isEmpty());
        Window w = fire(robot, "menuAudit");
        @SuppressWarnings("unchecked")
        TableView<AuditEntry> table = table(robot, w, "#auditTable");
        waitFor(() -> !table.getItems().isEmpty());
        assertThat(table.getItems()).anySatisfy(e -> {
            assertThat(e.ref()).isEqualTo(sensitive.ref());
            assertThat(e.agentName()).isEqualTo("Lee Adams");
            assertThat(e.view()).isEqualTo("desktop board");
        });
        assertThat(DeskFixture.texts(table)).contains(sensitive.ref(), "desktop board");
        set(robot, w, "#auditFilter", sensitive.ref());
        assertThat(table.getItems()).allMatch(e -> e.ref().equals(sensitive.ref()));

        Path csv = f.dir.resolve("audit.csv");
        AuditView view = (AuditView) w.getScene().getRoot();
        AuditViewModel vm = view.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.exportTo(csv)).get().get(10, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("at_utc,at_local,agent,agent_id,ticket,view");
        assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> l.startsWith("at_utc") || l.contains(sensitive.ref()));
        assertThat(String.join("\n", lines)).doesNotContain(sensitive.subject());
    }

    @Test
    void aboutShowsTheVersionDataFolderDatabaseAndLogFile(FxRobot robot) throws Exception {
        f.desk(robot, "agent");
        Window w = fire(robot, "menuAbout");
        String folder = in(robot, w, "#aboutDatafolder", TextField.class).getText();
        assertThat(folder).isEqualTo(f.dir.toAbsolutePath().normalize().toString());
        assertThat(in(robot, w, "#aboutLogfile", TextField.class).getText())
                .isEqualTo(f.dir.toAbsolutePath().normalize().resolve("logs").resolve("support-desk.log").toString());
        assertThat(in(robot, w, "#aboutDatabase", TextField.class).getText()).endsWith("supportdesk.mv.db");
        assertThat(in(robot, w, "#aboutVersion", TextField.class).getText()).isNotBlank();
        assertThat(in(robot, w, "#aboutJava", TextField.class).getText()).startsWith(System.getProperty("java.version"));
        assertThat(in(robot, w, "#aboutDatafolder", TextField.class).isEditable()).isFalse();
        assertThat(robot.from(w.getScene().getRoot()).lookup("#aboutIcon").queryAs(ImageView.class)
                .getImage()).isNotNull();
        robot.clickOn(in(robot, w, "#aboutClose", Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.isShowing()).isFalse();
        assertThat(f.stage.getIcons()).as("the main window uses the app icons").hasSize(6);
    }
}
