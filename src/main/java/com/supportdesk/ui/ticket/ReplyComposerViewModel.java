package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Ticket;
import com.supportdesk.replies.ReplyContext;
import com.supportdesk.replies.ReplyValues;
import com.supportdesk.replies.SavedReplies;
import com.supportdesk.sla.SlaStatus;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The e-mail composer's view-model (issue 18): To, Subject and the text; the saved replies found as the agent types
 * {@code ::word} in the text or after the shortcut, inserted at the cursor with their placeholders filled for this
 * ticket; the signature (with the classification line on an Official Sensitive ticket) that goes below the text; and
 * the policy at hand: the ticket's time left and whether this reply will be the first customer contact, which stops
 * the response clock. On an Official Sensitive ticket only replies marked for such tickets are offered. Everything the
 * store knows is read once, in the background, when the composer opens ({@link #load()}).
 */
public final class ReplyComposerViewModel {

    /** What a chosen reply replaces in the text ({@code [start, end)}, the typed {@code ::word} included) and with what. */
    public record Insertion(int start, int end, String text) {
        /** Where the cursor goes: just after the inserted text. */
        public int caret() {
            return start + text.length();
        }

        public String applyTo(String s) {
            return s.substring(0, start) + text + s.substring(end);
        }
    }

    /** {@code ::word} just before the cursor, at the start of the text or after a space. */
    private static final Pattern TRIGGER = Pattern.compile("(?:^|\\s)::([\\p{L}\\p{N}_-]*)$");

    private final SavedReplies replies;
    private final ReplySender sender;
    private final Agent agent;
    private final Ticket opened;
    private final Countdown countdown;
    private final Clock clock;
    private final TaskExecutor executor;
    private final TaskState state = new TaskState(this);

    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ReadOnlyStringWrapper signature = new ReadOnlyStringWrapper(this, "signature", "");
    private final ReadOnlyStringWrapper signatureSource = new ReadOnlyStringWrapper(this, "signatureSource",
            SavedReplies.DEFAULT_SIGNATURE);
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper(this, "timeLeft", "");
    private final ReadOnlyObjectWrapper<Countdown.Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone",
            Countdown.Tone.RUNNING);
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyStringWrapper firstContact = new ReadOnlyStringWrapper(this, "firstContact", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SavedReply> matches = FXCollections.observableArrayList();
    private final ObservableList<SavedReply> readOnlyMatches = FXCollections.unmodifiableObservableList(matches);
    private final ObjectProperty<SavedReply> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyObjectWrapper<ReplyContext> context = new ReadOnlyObjectWrapper<>(this, "context");
    /** The search was opened by typing {@code ::} in the text (not by the shortcut): the typed word is replaced. */
    private boolean typedTrigger;

    /**
     * @param replies the saved replies and signatures of the open store, or null while there is none (then no reply is
     *                offered and the default signature is used)
     */
    public ReplyComposerViewModel(SavedReplies replies, ReplySender sender, Agent agent, Ticket ticket, Countdown countdown,
                                  Clock clock, TaskExecutor executor) {
        this.replies = replies;
        this.sender = sender;
        this.agent = agent;
        this.opened = ticket;
        this.countdown = countdown;
        this.clock = clock;
        this.executor = executor;
        to.set(ticket.contactEmail() == null ? "" : ticket.contactEmail());
        subject.set(ReplyComposerDialog.subjectFor(ticket));
        String first = ticket.contactName() == null || ticket.contactName().isBlank() ? ""
                : " " + ticket.contactName().strip().split("\\s+")[0];
        body.set("Hello" + first + ",\n\n");
        query.addListener((o, was, now) -> refreshMatches());
        selected.addListener((o, was, now) -> preview.set(now == null || context.get() == null ? ""
                : context.get().fill(now)));
        apply(SavedReplies.withoutStore(agent, ticket), SavedReplies.DEFAULT_SIGNATURE);
    }

    // ---------------------------------------------------------------- loading

    private record Loaded(ReplyContext context, String signatureSource) {
    }

    /** Reads the ticket, the replies the agent may use on it and their signature, in the background. */
    public CompletableFuture<ReplyContext> load() {
        if (replies == null) {
            return CompletableFuture.completedFuture(context.get());
        }
        return BackgroundTask.wrap(() -> new Loaded(replies.context(agent, opened.id(), SavedReplies.VIEW_REPLY),
                        replies.signature(agent)))
                .trackedBy(state)
                .onSuccess(l -> apply(l.context(), l.signatureSource()))
                .executeWith(executor).thenApply(Loaded::context);
    }

    private void apply(ReplyContext ctx, String source) {
        context.set(ctx);
        signature.set(ctx.signature());
        signatureSource.set(source);
        target.set(ctx.ticket().severity().label() + ": first response within "
                + ReplyValues.target(ctx.target()));
        if (ctx.firstContact()) {
            firstContact.set("This reply will be the first customer contact: sending it stops the response clock.");
        } else {
            firstContact.set("Not the first contact: the response clock stopped at the first contact, "
                    + countdown.dateTime(ctx.ticket().firstContactAt()) + ".");
        }
        refreshMatches();
        tick();
    }

    /** Recomputes the time left (the view calls it every second). */
    public void tick() {
        ReplyContext ctx = context.get();
        Instant now = clock.instant();
        SlaStatus s = ctx.status(now);
        timeLeft.set(countdown.text(s, now));
        tone.set(Countdown.Tone.of(s.state()));
    }

    // ---------------------------------------------------------------- finding and inserting saved replies

    /**
     * The agent typed or moved the cursor: {@code ::word} just before the cursor opens the search for that word (and
     * follows it as they type); anything else closes a search opened that way.
     */
    public void typed(String text, int caret) {
        Optional<String> word = trigger(text, caret);
        if (word.isPresent()) {
            typedTrigger = true;
            searching.set(true);
            query.set(word.get());
            refreshMatches();
        } else if (typedTrigger) {
            closeSearch();
        }
    }

    static Optional<String> trigger(String text, int caret) {
        if (text == null || caret < 2 || caret > text.length()) {
            return Optional.empty();
        }
        Matcher m = TRIGGER.matcher(text.substring(Math.max(0, caret - 60), caret));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The shortcut: search the saved replies by name or word, typed in the search field. */
    public void openSearch() {
        typedTrigger = false;
        query.set("");
        searching.set(true);
        refreshMatches();
    }

    public void closeSearch() {
        typedTrigger = false;
        searching.set(false);
    }

    /** Moves the selection among the matches (Up −1, Down +1), staying within the list. */
    public void move(int delta) {
        if (matches.isEmpty()) {
            return;
        }
        int i = selected.get() == null ? -1 : matches.indexOf(selected.get());
        selected.set(matches.get(Math.max(0, Math.min(matches.size() - 1, i + delta))));
    }

    /**
     * Inserts the selected reply (or the best match) filled for this ticket at the cursor: it replaces the selection, or
     * the {@code ::word} that opened the search. Empty when nothing matches. Closes the search.
     *
     * @param selectionStart the text's selection (the cursor when nothing is selected)
     */
    public Optional<Insertion> insert(String text, int selectionStart, int selectionEnd) {
        SavedReply reply = selected.get() != null ? selected.get() : matches.isEmpty() ? null : matches.get(0);
        if (reply == null) {
            return Optional.empty();
        }
        int start = Math.min(selectionStart, selectionEnd);
        int end = Math.max(selectionStart, selectionEnd);
        if (typedTrigger && start == end) {
            start = Math.max(0, end - 2 - query.get().length());
        }
        closeSearch();
        return Optional.of(new Insertion(start, end, context.get().fill(reply)));
    }

    private void refreshMatches() {
        List<SavedReply> found = context.get() == null ? List.of() : context.get().search(query.get());
        matches.setAll(found);
        selected.set(null); // the list's selection went with its items: select the first again even if it is the same
        selected.set(found.isEmpty() ? null : found.get(0));
    }

    // ---------------------------------------------------------------- sending, saving

    /** The text as it goes out: what the agent wrote, then the signature block. */
    public String outgoingBody() {
        return context.get().withSignature(body.get());
    }

    /** Sends the reply (text and signature) in the background; the future fails with the reason, the text kept. */
    public CompletableFuture<Void> send() {
        if (body.get() == null || body.get().isBlank()) {
            return state.refuse(new StoreException.Invalid("The reply is empty; write something before sending it."));
        }
        ReplySender.Draft draft = new ReplySender.Draft(to.get().strip(), subject.get().strip(), outgoingBody());
        Ticket t = context.get().ticket();
        return executor.run(() -> sender.send(agent, t, draft));
    }

    /** Saves the composer's text as a saved reply (the agent's own, or the team's for a lead); the list is read again. */
    public CompletableFuture<SavedReply> saveAsReply(String name, String shortcut, boolean team, boolean sensitiveOk,
                                                     boolean firstResponse) {
        if (replies == null) {
            return state.refuse(new StoreException("Saved replies need the desk's database, which is not open."));
        }
        SavedReply.Draft d = new SavedReply.Draft(name, shortcut, body.get(), team, sensitiveOk, firstResponse);
        return BackgroundTask.wrap(() -> replies.store().savedReplies().add(agent, d)).trackedBy(state)
                .executeWith(executor).thenCompose(r -> load().thenApply(ctx -> r));
    }

    /** Saves the agent's signature; the signature below the text is read again. */
    public CompletableFuture<ReplyContext> saveSignature(String text) {
        if (replies == null) {
            return state.refuse(new StoreException("Signatures need the desk's database, which is not open."));
        }
        return BackgroundTask.wrap(() -> replies.store().savedReplies().setSignature(agent, text)).trackedBy(state)
                .executeWith(executor).thenCompose(v -> load());
    }

    // ---------------------------------------------------------------- properties

    public Agent agent() {
        return agent;
    }

    public Ticket ticket() {
        return context.get().ticket();
    }

    /** Team leads may save the team's replies. */
    public boolean mayKeepTeamReplies() {
        return agent.lead();
    }

    public boolean sensitive() {
        return opened.sensitive();
    }

    public TaskState state() {
        return state;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    /** The signature block below the text, filled: the classification line first on an Official Sensitive ticket. */
    public ReadOnlyStringProperty signatureProperty() {
        return signature.getReadOnlyProperty();
    }

    /** The agent's signature as they wrote it, placeholders unfilled (what the signature dialog edits). */
    public ReadOnlyStringProperty signatureSourceProperty() {
        return signatureSource.getReadOnlyProperty();
    }

    /** "2h 13m 05s left", "paused — resumes Mon 09:00", "met in 42m"… */
    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Countdown.Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** "Severity 1: first response within 1 Business Hour". */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Whether this reply will be the first customer contact, in a sentence. */
    public ReadOnlyStringProperty firstContactProperty() {
        return firstContact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** What the saved replies are searched for: the word after {@code ::}, or what is typed in the search field. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The saved replies found, best first (the team's "first response" ones first while none was sent yet). */
    public ObservableList<SavedReply> matches() {
        return readOnlyMatches;
    }

    public ObjectProperty<SavedReply> selectedProperty() {
        return selected;
    }

    /** The chosen reply as it would go in: its text filled for this ticket (empty when none is chosen). */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplyContext> contextProperty() {
        return context.getReadOnlyProperty();
    }
}
