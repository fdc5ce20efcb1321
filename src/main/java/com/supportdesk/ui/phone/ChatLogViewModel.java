package com.supportdesk.ui.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.ChatImporter.ChatOutcome;
import com.supportdesk.phone.ChatImporter.ChatTicket;
import com.supportdesk.phone.ChatImporter;
import com.supportdesk.phone.Transcript;
import com.supportdesk.phone.TranscriptParser;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.DialogService.FileType;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Log chat": a pasted or imported transcript becomes a new ticket or a message on an existing one. The
 * transcript is parsed as it is typed; its participants are listed with the desk's (agents' names) ticked,
 * and the operator can tick others (e.g. a shared "Support" chat name). Holds no Nodes.
 */
public final class ChatLogViewModel {

    /** A participant of the transcript; {@code desk} marks the desk's side (its lines are chat replies). */
    public static final class Participant {
        private final String name;
        private final BooleanProperty desk = new SimpleBooleanProperty(this, "desk");

        Participant(String name, boolean desk) {
            this.name = name;
            this.desk.set(desk);
        }

        public String name() {
            return name;
        }

        public BooleanProperty deskProperty() {
            return desk;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The title of the chat log's dialogs. */
    static final String DIALOG_TITLE = "Log chat";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final PhoneContext ctx;
    private final Agent operator;
    private final DialogService dialogs;
    private final ChatImporter importer;
    private final CallerLookup lookup;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<Participant> participants = FXCollections.observableArrayList();
    private final BooleanProperty newTicket = new SimpleBooleanProperty(this, "newTicket", true);
    private final StringProperty ticketRef = new SimpleStringProperty(this, "ticketRef", "");
    private final TicketFields fields = new TicketFields(this::refreshProblems);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed", false);

    private Set<String> agentNames = Set.of();
    private Transcript transcript;
    private String suggestedSubject = "";
    private Consumer<ChatOutcome> onLogged = o -> { };

    /** @param ticketId the ticket the chat belongs to, or null to open a new ticket from it */
    public ChatLogViewModel(PhoneContext ctx, Agent operator, Long ticketId, DialogService dialogs) {
        this.ctx = ctx;
        this.operator = operator;
        this.dialogs = dialogs;
        this.importer = new ChatImporter(ctx.store());
        this.lookup = new CallerLookup(ctx.store(), ctx.executor());
        lookup.setOnError(this::showError);
        if (ticketId != null) {
            newTicket.set(false);
            ticketRef.set(Ticket.ref(ticketId));
        }
        text.addListener((obs, old, now) -> reparse());
        newTicket.addListener((obs, old, now) -> refreshProblems());
        ticketRef.addListener((obs, old, now) -> refreshProblems());
    }

    /** Loads the agents' names, which mark the desk's lines. */
    public void start() {
        BackgroundTask.wrap(importer::agentNames).onSuccess(names -> {
            agentNames = names;
            reparse();
        }).onFailure(this::showError).executeWith(ctx.executor());
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The transcript's problem, naming the line, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What will be logged: lines, times, received, the first reply. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Participant> participants() {
        return participants;
    }

    public BooleanProperty newTicketProperty() {
        return newTicket;
    }

    public StringProperty ticketRefProperty() {
        return ticketRef;
    }

    /** The new ticket's subject, severity, level and OFFICIAL-SENSITIVE (which also marks an existing ticket). */
    public TicketFields fields() {
        return fields;
    }

    public CallerLookup lookup() {
        return lookup;
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public void setOnLogged(Consumer<ChatOutcome> listener) {
        onLogged = listener == null ? o -> { } : listener;
    }

    public Optional<Transcript> transcript() {
        return Optional.ofNullable(transcript);
    }

    /** The participants ticked as the desk. */
    public Set<String> desk() {
        Set<String> out = new LinkedHashSet<>();
        participants.stream().filter(p -> p.deskProperty().get()).forEach(p -> out.add(p.name()));
        return out;
    }

    /** Asks for a {@code .txt} file and reads it (UTF-8, else Windows-1252) in the background. */
    public void importFile() {
        dialogs.askOpenFile("Import a chat transcript", FileType.of("Text transcripts (*.txt)", "*.txt"), FileType.ALL)
                .ifPresent(this::load);
    }

    /** Reads a transcript file into the text. */
    public void load(Path file) {
        busy.set(true);
        BackgroundTask.wrap(() -> read(file)).onSuccess(content -> {
            busy.set(false);
            text.set(content);
            status.set("Imported " + file.getFileName());
        }).onFailure(e -> {
            busy.set(false);
            dialogs.showError(DIALOG_TITLE, "Could not read " + file + ": " + Errors.plain(e));
        }).executeWith(ctx.executor());
    }

    static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, Charset.forName("windows-1252"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs the chat (Enter). Returns false, with the reasons in {@link #problemsProperty()}, when something is missing. */
    public boolean save() {
        if (busy.get() || closed.get()) {
            return false;
        }
        List<String> p = problemList();
        problems.set(String.join("\n", p));
        if (!p.isEmpty()) {
            return false;
        }
        Transcript t = transcript;
        Set<String> desk = desk();
        ZoneId zone = ctx.zone();
        busy.set(true);
        status.set("Saving\u2026");
        if (newTicket.get()) {
            ContactMatch caller = lookup.caller();
            ChatTicket spec = new ChatTicket(fields.subjectProperty().get(), fields.severityProperty().get(), fields.levelProperty().get(),
                    caller == null ? null : caller.contact().customerId(), caller == null ? null : caller.contact().id(),
                    fields.sensitiveProperty().get());
            BackgroundTask.wrap(() -> importer.importAsNewTicket(operator, t, zone, desk, spec)).onSuccess(this::logged)
                    .onFailure(this::failed).executeWith(ctx.executor());
        } else {
            long id = Ticket.parseRef(ticketRef.get());
            boolean mark = fields.sensitiveProperty().get();
            BackgroundTask.wrap(() -> importer.importIntoTicket(operator, t, zone, desk, id, mark)).onSuccess(this::logged)
                    .onFailure(this::failed).executeWith(ctx.executor());
        }
        return true;
    }

    /** Esc: asks before throwing a pasted transcript away. */
    public boolean discard() {
        if (text.get() != null && !text.get().isBlank()
                && !dialogs.confirmDiscard("Discard?", "Discard this transcript without logging it?")) {
            return false;
        }
        closed.set(true);
        return true;
    }

    private void logged(ChatOutcome o) {
        busy.set(false);
        status.set("Logged on " + o.ticket().ref() + (o.ticketCreated() ? " (new ticket)" : "")
                + (o.stoppedClock() ? "; the response clock stopped" : ""));
        closed.set(true);
        onLogged.accept(o);
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set("");
        showError(e);
    }

    private void showError(Throwable e) {
        dialogs.showError(DIALOG_TITLE, Errors.plain(e));
    }

    private List<String> problemList() {
        List<String> out = new ArrayList<>();
        if (transcript == null) {
            out.add(error.get().isEmpty() ? "Paste or import a transcript." : error.get());
        } else {
            ChatImporter.problem(transcript, ctx.zone(), ctx.clock().instant()).ifPresent(out::add);
        }
        if (newTicket.get()) {
            if (fields.severityProperty().get() == null) {
                out.add("Choose a severity (1, 2 or 3).");
            }
        } else if (Ticket.parseRef(ticketRef.get()) < 0) {
            out.add("Give the ticket's ref, e.g. SD-1042.");
        }
        return out;
    }

    private void refreshProblems() {
        if (!problems.get().isEmpty()) {
            problems.set(String.join("\n", problemList()));
        }
    }

    private void reparse() {
        String t = text.get();
        if (t == null || t.isBlank()) {
            transcript = null;
            error.set("");
            summary.set("");
            participants.clear();
            refreshProblems();
            return;
        }
        LocalDate today = LocalDate.now(ctx.clock().withZone(ctx.zone()));
        try {
            transcript = TranscriptParser.parse(t, today);
            error.set("");
        } catch (IllegalArgumentException e) {
            transcript = null;
            error.set(e.getMessage());
            summary.set("");
            refreshProblems();
            return;
        }
        Set<String> previouslyTicked = desk();
        Set<String> previouslyListed = new LinkedHashSet<>();
        participants.forEach(p -> previouslyListed.add(p.name()));
        Set<String> known = transcript.deskParticipants(agentNames);
        List<Participant> list = new ArrayList<>();
        for (String name : transcript.participants()) {
            boolean desk = previouslyListed.contains(name) ? previouslyTicked.contains(name) : known.contains(name);
            Participant p = new Participant(name, desk);
            p.deskProperty().addListener((obs, old, now) -> refreshSummary());
            list.add(p);
        }
        participants.setAll(list);
        if (transcript.markedSensitive()) {
            fields.sensitiveProperty().set(true);
        }
        refreshSummary();
        refreshProblems();
    }

    private void refreshSummary() {
        Transcript t = transcript;
        if (t == null) {
            return;
        }
        Set<String> desk = desk();
        String s = t.suggestedSubject(desk);
        if (fields.subjectProperty().get().isBlank() || fields.subjectProperty().get().equals(suggestedSubject)) {
            fields.subjectProperty().set(s);
        }
        suggestedSubject = s;
        StringBuilder sb = new StringBuilder();
        sb.append(t.lines().size()).append(t.lines().size() == 1 ? " line, " : " lines, ")
                .append(TIME.format(t.first().at())).append('\u2013').append(TIME.format(t.last().at()))
                .append(" on ").append(DAY.format(t.first().at())).append(". Received ")
                .append(TIME.format(t.first().at())).append(". ");
        Optional<Transcript.Line> reply = t.firstDeskLine(desk, ctx.zone(), null);
        if (reply.isPresent()) {
            sb.append("First reply by ").append(reply.get().name()).append(" at ").append(TIME.format(reply.get().at()))
                    .append(": customer contact (stops the response clock if it is the first).");
        } else {
            sb.append("No line by the desk: tick who the desk is, or the response clock keeps running.");
        }
        summary.set(sb.toString());
    }
}
