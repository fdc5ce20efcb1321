package com.supportdesk.ui.board;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.KeyStyle;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Ticker;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The board: a filter bar and four virtualized columns of ticket cards. The Official Sensitive board is
 * the same view with a banner on top.
 */
public final class BoardView extends BorderPane {

    private final BoardViewModel vm;
    private final EnumMap<BoardViewModel.Column, ListView<Ticket>> lists = new EnumMap<>(BoardViewModel.Column.class);
    private final TextField search;
    private boolean syncing;

    public BoardView(BoardViewModel vm, Ticker ticker, Countdown fmt) {
        this.vm = vm;
        this.search = new TextField();
        String prefix = vm.sensitiveOnly() ? "sensitive-" : "board-";
        setId(vm.sensitiveOnly() ? "sensitiveBoard" : "mainBoard");
        VBox top = new VBox();
        if (vm.sensitiveOnly()) {
            Label l = new Label("OFFICIAL-SENSITIVE \u2014 cleared staff only. Every ticket you open here is recorded in the"
                    + " access audit. Do not copy content out of this view.", new FontIcon(MaterialDesignS.SHIELD_LOCK));
            l.setWrapText(true);
            HBox banner = new HBox(l);
            banner.getStyleClass().add(Styles.SENSITIVE_BANNER);
            banner.setId("sensitiveBanner");
            top.getChildren().add(banner);
        }
        top.getChildren().add(filterBar(prefix));
        setTop(top);

        HBox columns = new HBox();
        columns.getStyleClass().add(Styles.BOARD);
        for (BoardViewModel.Column c : BoardViewModel.Column.values()) {
            ListView<Ticket> list = new ListView<>(vm.column(c));
            list.setId(prefix + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            list.getStyleClass().add(Styles.TICKET_LIST);
            // its fixed cell size is in desk.css (.ticket-list), in em: the cards grow with the text zoom
            list.setCellFactory(lv -> new TicketCell(ticker, vm.responseClock(), fmt));
            list.setPlaceholder(emptyLabel(c));
            list.setFocusTraversable(true);
            list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (syncing || vm.updatingProperty().get() || now == null) {
                    return;
                }
                vm.select(now);
                clearOthers(list);
            });
            lists.put(c, list);
            Label title = new Label(c.title());
            title.getStyleClass().add(Styles.COLUMN_TITLE);
            Label count = new Label();
            count.getStyleClass().add(Styles.COLUMN_COUNT);
            count.setId(list.getId() + "-count");
            count.textProperty().bind(Bindings.size(vm.column(c)).asString());
            HBox head = new HBox(8, title, count);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox column = new VBox(head, list);
            column.getStyleClass().add(Styles.BOARD_COLUMN);
            VBox.setVgrow(list, Priority.ALWAYS);
            HBox.setHgrow(column, Priority.ALWAYS);
            boolean resolved = c == BoardViewModel.Column.RESOLVED_TODAY;
            if (resolved) { // widths in em (desk.css), so that they grow with the zoom
                column.getStyleClass().add(Styles.BOARD_COLUMN_RESOLVED);
            }
            columns.getChildren().add(column);
        }
        // the columns keep a readable width at any zoom: when they need more than the window has, the board scrolls
        // sideways instead of cutting the last column off
        ScrollPane sideways = new ScrollPane(columns);
        sideways.setFitToHeight(true);
        sideways.setFitToWidth(true);
        sideways.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideways.getStyleClass().add(Styles.BOARD_SCROLL);
        setCenter(sideways);
        vm.revisionProperty().addListener(o -> syncSelection());
        vm.selectedProperty().addListener(o -> syncSelection());
    }

    private static Label emptyLabel(BoardViewModel.Column c) {
        Label l = new Label(c == BoardViewModel.Column.RESOLVED_TODAY ? "Nothing resolved yet today" : "No tickets");
        l.getStyleClass().add(Styles.FILTER_LABEL);
        return l;
    }

    private FlowPane filterBar(String prefix) {
        search.setPromptText("Search ref, subject, customer (" + DeskAction.FIND.keyText(KeyStyle.current()) + ")");
        search.getStyleClass().add(Styles.SEARCH_FIELD);
        search.setId(prefix + "search");
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        ComboBox<Severity> sev = combo(prefix + "severity", "Any severity", Severity.values(), Countdown::severityText);
        sev.valueProperty().bindBidirectional(vm.severityFilterProperty());
        ComboBox<SupportLevel> level = combo(prefix + "level", "Any level", SupportLevel.values(), SupportLevel::label);
        level.valueProperty().bindBidirectional(vm.levelFilterProperty());
        ComboBox<BoardViewModel.AssigneeFilter> who = new ComboBox<>(FXCollections.observableArrayList(
                BoardViewModel.AssigneeFilter.values()));
        who.setId(prefix + "assignee");
        who.valueProperty().bindBidirectional(vm.assigneeFilterProperty());
        String any = "Any customer";
        ObservableList<String> customers = FXCollections.observableArrayList(any);
        ComboBox<String> customer = new ComboBox<>(customers);
        customer.setId(prefix + "customer");
        customer.setValue(any);
        customer.valueProperty().addListener((o, was, v) -> vm.customerFilterProperty().set(v == null || any.equals(v) ? null : v));
        vm.customerNames().addListener((ListChangeListener<String>) ch -> {
            List<String> all = new ArrayList<>();
            all.add(any);
            all.addAll(vm.customerNames());
            String current = vm.customerFilterProperty().get();
            customers.setAll(all);
            customer.setValue(current == null ? any : current);
        });
        vm.customerFilterProperty().addListener((o, was, v) -> customer.setValue(v == null ? any : v));
        ComboBox<Channel> channel = combo(prefix + "channel", "Any channel", Channel.values(), Icons::channelText);
        channel.valueProperty().bindBidirectional(vm.channelFilterProperty());
        Button clear = new Button(null, new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clear.setId(prefix + "clearFilters");
        clear.setTooltip(new Tooltip("Show every ticket again"));
        clear.setAccessibleText(DeskAction.CLEAR_FILTERS.text()); // icon only: what a screen reader says
        clear.setOnAction(e -> vm.clearFilters());
        Label filterLabel = new Label(null, new FontIcon(MaterialDesignF.FILTER_OUTLINE));
        filterLabel.getStyleClass().add(Styles.FILTER_LABEL);
        // a flow: at a large zoom or in a narrow window the boxes go on to a second line instead of being cut off
        FlowPane bar = new FlowPane(filterLabel, sev, level, who, customer, channel, clear);
        bar.getStyleClass().add(Styles.FILTER_BAR);
        // their widths are in desk.css, in em: they grow with the text zoom
        for (Node n : bar.getChildren()) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    private static <T> ComboBox<T> combo(String id, String any, T[] values, Function<T, String> text) {
        ObservableList<T> items = FXCollections.observableArrayList();
        items.add(null);
        items.addAll(values);
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setConverter(nullable(any, text));
        box.setButtonCell(nullCell(any, text));
        box.setCellFactory(lv -> nullCell(any, text));
        return box;
    }

    private static <T> StringConverter<T> nullable(String any, Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? any : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T> ListCell<T> nullCell(String any, Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : t == null ? any : text.apply(t));
            }
        };
    }

    private void clearOthers(ListView<Ticket> keep) {
        syncing = true;
        try {
            for (ListView<Ticket> l : lists.values()) {
                if (l != keep) {
                    l.getSelectionModel().clearSelection();
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** After a refresh, the card of the selected ticket is selected again (wherever it moved). */
    private void syncSelection() {
        Ticket s = vm.selectedProperty().get();
        syncing = true;
        try {
            for (ListView<Ticket> l : lists.values()) {
                int i = s == null ? -1 : indexOf(l.getItems(), s.id());
                if (i >= 0) {
                    if (l.getSelectionModel().getSelectedIndex() != i) {
                        l.getSelectionModel().clearAndSelect(i);
                    }
                } else if (!l.getSelectionModel().isEmpty()) {
                    l.getSelectionModel().clearSelection();
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static int indexOf(List<Ticket> items, long id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** The search field (the desk puts it in the header). */
    public TextField searchField() {
        return search;
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public ListView<Ticket> list(BoardViewModel.Column c) {
        return lists.get(c);
    }

    public BoardViewModel viewModel() {
        return vm;
    }
}
