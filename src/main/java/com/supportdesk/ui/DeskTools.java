package com.supportdesk.ui;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.about.AboutDialog;
import com.supportdesk.ui.admin.AgentsView;
import com.supportdesk.ui.admin.AgentsViewModel;
import com.supportdesk.ui.admin.AuditView;
import com.supportdesk.ui.admin.AuditViewModel;
import com.supportdesk.ui.admin.CustomersView;
import com.supportdesk.ui.admin.CustomersViewModel;
import com.supportdesk.ui.admin.OutagesView;
import com.supportdesk.ui.admin.OutagesViewModel;
import com.supportdesk.ui.admin.PolicyView;
import com.supportdesk.ui.admin.PolicyViewModel;
import com.supportdesk.ui.admin.TrainingView;
import com.supportdesk.ui.admin.TrainingViewModel;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.FxDialogService;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.Ticker;
import com.supportdesk.ui.common.ToolWindow;
import com.supportdesk.ui.lead.WallboardWindow;
import com.supportdesk.ui.report.ReportExportViewModel;
import com.supportdesk.ui.report.ReportExportWindow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * The desk's tools for team leads and admins, and the About dialog: the menu entries the desk adds to its menu bar
 * and the windows behind them (one of each at a time). Who sees what:
 * <ul>
 *   <li>View → Lead wallboard (F11): team leads and admins;</li>
 *   <li>Admin (admins): Policy…, Agents…, Customers &amp; contacts…, Training…, Outages…;</li>
 *   <li>Lead (team leads who are not admins): Training…, Outages… — the store lets leads record them;</li>
 *   <li>Access audit…, in the Admin or Lead menu: cleared team leads only (absent for everyone else);</li>
 *   <li>Reports → Quarterly report… (Ctrl+Shift+E): everyone — reports are filtered for the reader;</li>
 *   <li>Help → About Support Desk: everyone.</li>
 * </ul>
 */
public final class DeskTools {

    /** What the tools need from the desk. */
    public record Context(Session session, Ticker ticker, TaskExecutor executor, Clock clock, Supplier<Window> owner,
                          ObservableStringValue feedStatus, ActionFactory actions) {
    }

    private final Context ctx;
    private final Agent agent;
    private final DialogService dialogs;
    private final Map<String, ToolWindow> windows = new HashMap<>();
    private WallboardWindow wallboard;
    private ReportExportWindow report;

    public DeskTools(Context ctx) {
        this.ctx = ctx;
        this.agent = ctx.session().agent();
        this.dialogs = new FxDialogService(this::activeWindow);
    }

    private Window activeWindow() {
        for (ToolWindow w : windows.values()) {
            if (w.isShowing() && w.stage().isFocused()) {
                return w.stage();
            }
        }
        return ctx.owner().get();
    }

    // ---------------------------------------------------------------- menus

    /** View → Lead wallboard (F11), for team leads and admins. */
    public Optional<MenuItem> wallboardItem() {
        if (!agent.lead() && !agent.admin()) {
            return Optional.empty();
        }
        return Optional.of(item(DeskAction.WALLBOARD, this::openWallboard));
    }

    /** The Admin or Lead menu (if any) and the Reports menu. */
    public List<Menu> menus() {
        List<Menu> out = new ArrayList<>();
        if (agent.admin()) {
            Menu admin = new Menu("_Admin");
            admin.setId("menuAdmin");
            admin.getItems().addAll(item(DeskAction.POLICY, this::openPolicy),
                    item(DeskAction.AGENTS, this::openAgents),
                    item(DeskAction.CUSTOMERS, this::openCustomers),
                    new SeparatorMenuItem(),
                    item(DeskAction.TRAINING, this::openTraining),
                    item(DeskAction.OUTAGES, this::openOutages));
            auditItem().ifPresent(i -> admin.getItems().addAll(new SeparatorMenuItem(), i));
            out.add(admin);
        } else if (agent.lead()) {
            Menu lead = new Menu("_Lead");
            lead.setId("menuLead");
            lead.getItems().addAll(item(DeskAction.TRAINING, this::openTraining),
                    item(DeskAction.OUTAGES, this::openOutages));
            auditItem().ifPresent(i -> lead.getItems().addAll(new SeparatorMenuItem(), i));
            out.add(lead);
        }
        Menu reports = new Menu("_Reports");
        reports.setId("menuReports");
        reports.getItems().add(item(DeskAction.QUARTERLY_REPORT, this::openReport));
        out.add(reports);
        return out;
    }

    private Optional<MenuItem> auditItem() {
        return AuditViewModel.mayBrowse(agent)
                ? Optional.of(item(DeskAction.AUDIT, this::openAudit)) : Optional.empty();
    }

    /** Help → About Support Desk. */
    public MenuItem aboutItem() {
        return item(DeskAction.ABOUT, this::openAbout);
    }

    private MenuItem item(DeskAction action, Runnable command) {
        return ctx.actions().menuItem(action, command);
    }

    // ---------------------------------------------------------------- windows

    /** Opens (or brings forward) the wallboard, full screen. */
    public WallboardWindow openWallboard() {
        if (wallboard != null && wallboard.isShowing()) {
            wallboard.stage().toFront();
            return wallboard;
        }
        wallboard = new WallboardWindow(ctx.owner().get(), ctx.session(), ctx.executor(), ctx.clock(), ctx.ticker(),
                ctx.feedStatus());
        wallboard.show(true);
        return wallboard;
    }

    public ToolWindow openPolicy() {
        return open("policy", () -> {
            PolicyViewModel vm = new PolicyViewModel(ctx.session().store(), agent, ctx.executor(), ctx.clock(),
                    ctx.session().zone());
            vm.load();
            return new ToolSpec("Response policy", new PolicyView(vm, dialogs), 1240, 660);
        });
    }

    public ToolWindow openAgents() {
        return open("agents", () -> {
            AgentsViewModel vm = new AgentsViewModel(ctx.session().store(), agent, ctx.executor());
            vm.load();
            return new ToolSpec("Agents", new AgentsView(vm), 1100, 640);
        });
    }

    public ToolWindow openCustomers() {
        return open("customers", () -> {
            CustomersViewModel vm = new CustomersViewModel(ctx.session().store(), agent, ctx.executor(), ctx.clock(),
                    ctx.session().zone());
            vm.load();
            return new ToolSpec("Customers & contacts", new CustomersView(vm), 1180, 680);
        });
    }

    public ToolWindow openTraining() {
        return open("training", () -> {
            TrainingViewModel vm = new TrainingViewModel(ctx.session().store(), agent, ctx.executor(), ctx.clock(),
                    ctx.session().zone());
            vm.load();
            return new ToolSpec("Training sessions", new TrainingView(vm, dialogs), 1100, 640);
        });
    }

    public ToolWindow openOutages() {
        return open("outages", () -> {
            OutagesViewModel vm = new OutagesViewModel(ctx.session().store(), agent, ctx.executor(), ctx.clock(),
                    ctx.session().zone());
            vm.load();
            return new ToolSpec("Outages and availability", new OutagesView(vm, dialogs), 1240, 660);
        });
    }

    public ToolWindow openAudit() {
        return open("audit", () -> {
            AuditViewModel vm = new AuditViewModel(ctx.session().store(), agent, ctx.executor(), ctx.clock(),
                    ctx.session().zone(), dialogs);
            vm.load();
            return new ToolSpec("Access audit", new AuditView(vm), 1000, 620);
        });
    }

    public ReportExportWindow openReport() {
        if (report != null && report.isShowing()) {
            report.stage().toFront();
            return report;
        }
        ReportExportViewModel vm = new ReportExportViewModel(ctx.session().store(), agent, ctx.executor(), ctx.clock(),
                dialogs);
        report = new ReportExportWindow(ctx.owner().get(), vm);
        report.show();
        vm.load();
        return report;
    }

    public void openAbout() {
        AboutDialog.show(ctx.owner().get(), ctx.session().store().database().location());
    }

    private record ToolSpec(String title, Parent root, double width, double height) {
    }

    private ToolWindow open(String key, Supplier<ToolSpec> make) {
        ToolWindow w = windows.get(key);
        if (w != null && w.isShowing()) {
            w.stage().toFront();
            w.stage().requestFocus();
            return w;
        }
        ToolSpec spec = make.get();
        w = new ToolWindow(ctx.owner().get(), spec.title(), spec.root(), spec.width(), spec.height());
        windows.put(key, w);
        return w.show();
    }

    /** The open tool window of a kind ("policy", "agents", ...), for tests. */
    public Optional<ToolWindow> window(String key) {
        return Optional.ofNullable(windows.get(key)).filter(ToolWindow::isShowing);
    }

    public Optional<WallboardWindow> wallboard() {
        return Optional.ofNullable(wallboard).filter(WallboardWindow::isShowing);
    }

    // ---------------------------------------------------------------- desk events

    /** Fresh tickets from the desk's change feed (or its own actions): the wallboard follows them. */
    public void apply(List<Ticket> fresh) {
        if (wallboard != null && wallboard.isShowing()) {
            wallboard.apply(fresh);
        }
    }

    /** The desk is going away (sign-out, quit): close every tool window. */
    public void close() {
        if (wallboard != null) {
            wallboard.close();
        }
        if (report != null) {
            report.close();
        }
        windows.values().forEach(ToolWindow::close);
        windows.clear();
    }
}
