package com.supportdesk.ui.phone;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.phone.CallService;
import com.supportdesk.store.CallRepository.StoredDraft;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.DialogService.Answer;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Calls left unfinished by a crash: when the console opens, the operator's oldest other draft is offered — resume it
 * (with its original start time), discard it, or leave it for later. Resuming is the console's business.
 */
final class DraftRecovery {

    /** What to do with an unfinished call found when the console opens. */
    public enum DraftChoice {
        /** Continue it: its notes, caller and original start time come back. */
        RESUME,
        /** Delete it. */
        DISCARD,
        /** Keep it for later and start a new call. */
        LATER
    }

    private record Offer(StoredDraft draft, String message) {
    }

    private final Store store;
    private final CallService calls;
    private final Agent operator;
    private final ZoneId zone;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<Throwable> onFailure;

    DraftRecovery(Store store, CallService calls, Agent operator, ZoneId zone, TaskExecutor executor, DialogService dialogs,
                  Consumer<Throwable> onFailure) {
        this.store = store;
        this.calls = calls;
        this.operator = operator;
        this.zone = zone;
        this.executor = executor;
        this.dialogs = dialogs;
        this.onFailure = onFailure;
    }

    /** Looks for a draft other than {@code mine} (the console's own, read when the search runs) and offers it. */
    void offer(Supplier<Long> mine, Consumer<StoredDraft> resume) {
        BackgroundTask.wrap(() -> {
            Long own = mine.get();
            for (StoredDraft d : calls.drafts(operator)) {
                if (own == null || d.id() != own) {
                    return Optional.of(new Offer(d, describe(d)));
                }
            }
            return Optional.<Offer>empty();
        }).onSuccess(offer -> offer.ifPresent(o -> {
            switch (dialogs.ask("Unfinished call", o.message(), List.of(new Answer<>("_Resume", DraftChoice.RESUME),
                    new Answer<>("_Discard it", DraftChoice.DISCARD), new Answer<>("_Later", DraftChoice.LATER)))) {
                case RESUME -> resume.accept(o.draft());
                case DISCARD -> BackgroundTask.wrap(() -> calls.discard(operator, o.draft().id())).onFailure(onFailure)
                        .executeWith(executor);
                case LATER -> { }
            }
        })).onFailure(onFailure).executeWith(executor);
    }

    /** "An unfinished inbound call with Gail Gov, started Wed 25 Nov 10:00:00, was not logged (notes: “…”). …" */
    private String describe(StoredDraft d) {
        String who = d.draft().contactId() == null ? ""
                : CallerLookup.match(store, d.draft().contactId()).map(m -> " with " + m.contact().name()).orElse("");
        String notesText = d.draft().notes() == null ? "" : d.draft().notes().strip();
        String firstLine = notesText.isEmpty() ? "no notes" : "notes: \u201c" + abbreviate(notesText.lines().findFirst()
                .orElse(""), 60) + "\u201d";
        String when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.UK).withZone(zone)
                .format(d.draft().started());
        return "An unfinished " + (d.draft().direction() == CallDirection.INBOUND ? "inbound" : "outbound")
                + " call" + who + ", started " + when + ", was not logged (" + firstLine + ")."
                + " Resume it with its original start time?";
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
