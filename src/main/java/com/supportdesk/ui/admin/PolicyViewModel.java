package com.supportdesk.ui.admin;

import com.supportdesk.domain.Agent;
import com.supportdesk.sla.BusinessCalendar;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.HolidayImport;
import com.supportdesk.sla.HolidayRegion;
import com.supportdesk.sla.NamedHoliday;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.sla.ResponseTargets;
import com.supportdesk.store.PolicyRepository.StoredVersion;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Policy administration (admins): the response targets, opening hours, calendar zone, holiday region and closure
 * dates of the policy, edited as a draft and saved as a new policy version effective from a chosen instant (default:
 * now). A version effective in the past re-measures the tickets received since then, which {@link #effectiveWarningProperty()}
 * says before saving. The holiday list of a year is computed for the draft, so it shows what saving would do.
 * Closure dates can be imported from an iCalendar file or the gov.uk bank-holidays JSON ({@link HolidayImport}).
 * No Nodes here.
 */
public final class PolicyViewModel extends TaskViewModel {

    /** The zones an admin may choose: the policy's fixed GMT, or UK civil time. */
    public static final List<ZoneId> ZONES = List.of(CalendarSpec.GMT, ZoneId.of("Europe/London"));

    /** One line of the holiday list: a closure of the draft calendar, or a bank holiday the draft keeps open. */
    public record HolidayLine(LocalDate date, String name, boolean keptOpen, boolean officeClosure) {
    }

    private final Store store;
    private final Agent admin;
    private final Clock clock;
    private final ZoneId displayZone;
    private final DateTimeFormatter when;

    private final ObservableList<StoredVersion> versions = FXCollections.observableArrayList();
    private final StringProperty s1 = new SimpleStringProperty(this, "s1", "");
    private final StringProperty s2 = new SimpleStringProperty(this, "s2", "");
    private final StringProperty s3 = new SimpleStringProperty(this, "s3", "");
    private final StringProperty opens = new SimpleStringProperty(this, "opens", "");
    private final StringProperty closes = new SimpleStringProperty(this, "closes", "");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", CalendarSpec.GMT);
    private final ObjectProperty<HolidayRegion> region = new SimpleObjectProperty<>(this, "region",
            HolidayRegion.ENGLAND_AND_WALES);
    private final ObservableList<LocalDate> extraClosures = FXCollections.observableArrayList();
    private final ObservableList<LocalDate> removedHolidays = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> effectiveDate = new SimpleObjectProperty<>(this, "effectiveDate");
    private final StringProperty effectiveTime = new SimpleStringProperty(this, "effectiveTime", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final IntegerProperty year = new SimpleIntegerProperty(this, "year");
    private final ObservableList<HolidayLine> holidays = FXCollections.observableArrayList();
    private final Map<LocalDate, String> importedNames = new HashMap<>();

    private final ReadOnlyStringWrapper effectiveWarning = new ReadOnlyStringWrapper(this, "effectiveWarning", "");
    private final ReadOnlyStringWrapper inForce = new ReadOnlyStringWrapper(this, "inForce", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private PolicyVersion current;
    private PolicyVersion latest;
    private boolean filling;

    public PolicyViewModel(Store store, Agent admin, TaskExecutor executor, Clock clock, ZoneId displayZone) {
        super(executor);
        this.store = store;
        this.admin = admin;
        this.clock = clock;
        this.displayZone = displayZone;
        this.when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK).withZone(displayZone);
        year.set(LocalDate.ofInstant(clock.instant(), displayZone).getYear());
        Observable[] draft = {s1, s2, s3, opens, closes, zone, region, extraClosures, removedHolidays};
        for (Observable o : draft) {
            o.addListener(x -> {
                if (!filling) {
                    dirty.set(true);
                    setStatus("");
                }
                refreshHolidays();
            });
        }
        year.addListener(x -> refreshHolidays());
        effectiveDate.addListener(x -> checkEffective());
        effectiveTime.addListener(x -> checkEffective());
        fill(PolicyVersion.standard());
        resetEffective();
    }

    // ---------------------------------------------------------------- loading

    /** Loads the stored versions and fills the draft with the version in force now. */
    public CompletableFuture<Void> load() {
        return background(() -> store.policy().versions()).thenAccept(list -> {
            versions.setAll(list);
            List<PolicyVersion> pv = list.stream().map(StoredVersion::version).toList();
            ResponsePolicy policy = pv.isEmpty() ? ResponsePolicy.standard() : ResponsePolicy.of(pv);
            current = policy.versionAt(clock.instant());
            latest = pv.isEmpty() ? current : pv.get(pv.size() - 1);
            fill(latest);
            if (list.isEmpty()) {
                inForce.set("The standard policy is in force (no version has been saved yet).");
            } else if (latest.effectiveFrom().isAfter(clock.instant())) {
                inForce.set("In force now: the version of " + when.format(current.effectiveFrom()) + ". The form shows the"
                        + " version saved for " + when.format(latest.effectiveFrom()) + ".");
            } else {
                inForce.set("In force since " + when.format(current.effectiveFrom()) + ".");
            }
        });
    }

    private void fill(PolicyVersion v) {
        filling = true;
        try {
            s1.set(formatTarget(v.targets().s1()));
            s2.set(formatTarget(v.targets().s2()));
            s3.set(formatTarget(v.targets().s3()));
            CalendarSpec c = v.calendar();
            opens.set(c.opens().toString());
            closes.set(c.closes().toString());
            zone.set(c.zone());
            region.set(c.region());
            extraClosures.setAll(new TreeSet<>(c.extraClosures()));
            removedHolidays.setAll(new TreeSet<>(c.removedHolidays()));
            dirty.set(false);
            setError("");
        } finally {
            filling = false;
        }
        refreshHolidays();
    }

    /** Throws the draft away: back to the latest saved version. */
    public void revert() {
        fill(latest != null ? latest : PolicyVersion.standard());
        resetEffective();
        note.set("");
        setStatus("");
    }

    /** Effective from: now (this minute in the agent's zone). */
    public void resetEffective() {
        Instant now = clock.instant();
        effectiveDate.set(LocalDate.ofInstant(now, displayZone));
        effectiveTime.set(LocalTime.ofInstant(now, displayZone).truncatedTo(ChronoUnit.MINUTES).toString());
        checkEffective();
    }

    // ---------------------------------------------------------------- closures

    /** Adds an office closure (no-op for a weekend, or a date already closed), with a message saying so. */
    public void addClosure(LocalDate d) {
        if (d == null) {
            setError("Choose the date of the closure first.");
            return;
        }
        if (removedHolidays.contains(d)) {
            removedHolidays.remove(d);
            setError("");
            setStatus(format(d) + " is a bank holiday again.");
            return;
        }
        String why = whyAlreadyClosed(d);
        if (why != null) {
            setError(format(d) + " " + why + ".");
            return;
        }
        insertSorted(extraClosures, d);
        setError("");
    }

    public void removeClosure(LocalDate d) {
        extraClosures.remove(d);
    }

    /** Keeps the desk open on a bank holiday (removes it from the calendar), or drops an office closure. */
    public void keepOpen(LocalDate d) {
        if (d == null) {
            return;
        }
        if (extraClosures.contains(d)) {
            extraClosures.remove(d);
            return;
        }
        if (!removedHolidays.contains(d)) {
            insertSorted(removedHolidays, d);
        }
    }

    /** Closes the desk again on a bank holiday that was kept open. */
    public void restoreHoliday(LocalDate d) {
        removedHolidays.remove(d);
    }

    /** Why the draft calendar already closes on the day, or null. */
    private String whyAlreadyClosed(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "is a weekend day";
        }
        if (extraClosures.contains(d)) {
            return "is already an office closure";
        }
        try {
            CalendarSpec spec = spec();
            if (BusinessCalendar.of(spec).isHoliday(d)) {
                return "is already a bank holiday (" + region.get().displayName() + ")";
            }
        } catch (RuntimeException e) {
            // an invalid draft elsewhere: let the date through; saving reports the problem
        }
        return null;
    }

    /**
     * Imports closure dates from an iCalendar file or the gov.uk bank-holidays JSON in the background; weekend days
     * and dates the draft already closes on are skipped, and bank holidays the draft keeps open stay open. The
     * future completes with the summary shown to the admin (also in {@link #statusProperty()}).
     */
    public CompletableFuture<String> importFile(Path file) {
        HolidayRegion r = region.get();
        ZoneId z = zone.get();
        return background(() -> HolidayImport.read(file, r, z)).handle((result, err) -> {
            if (err != null) {
                String m = "Could not import " + file.getFileName() + ": " + Errors.plain(err);
                setError(m);
                return m;
            }
            int added = 0;
            int weekend = 0;
            int closed = 0;
            int kept = 0;
            for (HolidayImport.ImportedDate d : result.dates()) {
                if (d.date().isBefore(BusinessCalendar.FIRST_DATE) || d.date().isAfter(BusinessCalendar.LAST_DATE)) {
                    continue;
                }
                if (removedHolidays.contains(d.date())) {
                    kept++;
                    continue;
                }
                String why = whyAlreadyClosed(d.date());
                if (why == null) {
                    insertSorted(extraClosures, d.date());
                    importedNames.put(d.date(), d.title());
                    added++;
                } else if (why.startsWith("is a weekend")) {
                    weekend++;
                } else {
                    closed++;
                }
            }
            StringBuilder m = new StringBuilder("Imported from " + file.getFileName() + " (" + result.kind() + "): "
                    + added + (added == 1 ? " closure" : " closures") + " added");
            if (closed > 0) {
                m.append(", ").append(closed).append(" already closed");
            }
            if (weekend > 0) {
                m.append(", ").append(weekend).append(" at weekends");
            }
            if (kept > 0) {
                m.append(", ").append(kept).append(" kept open as you chose");
            }
            m.append('.');
            for (String n : result.notes()) {
                m.append(' ').append(n);
            }
            if (added > 0) {
                m.append(" Save a new version to put them in force.");
            }
            setError("");
            setStatus(m.toString());
            return m.toString();
        });
    }

    // ---------------------------------------------------------------- holidays of a year

    private void refreshHolidays() {
        CalendarSpec spec;
        try {
            spec = spec();
        } catch (RuntimeException e) {
            return;
        }
        int y = year.get();
        if (y < BusinessCalendar.FIRST_DATE.getYear() || y > BusinessCalendar.LAST_DATE.getYear()) {
            holidays.clear();
            return;
        }
        List<HolidayLine> out = new ArrayList<>();
        for (NamedHoliday h : BusinessCalendar.of(spec).namedHolidays(y)) {
            boolean office = NamedHoliday.OFFICE_CLOSURE.equals(h.name()) && extraClosures.contains(h.date());
            String name = office && importedNames.containsKey(h.date())
                    ? NamedHoliday.OFFICE_CLOSURE + " \u2014 " + importedNames.get(h.date()) : h.name();
            out.add(new HolidayLine(h.date(), name, false, office));
        }
        if (!removedHolidays.isEmpty()) {
            Map<LocalDate, String> names = new HashMap<>();
            for (NamedHoliday h : BusinessCalendar.of(spec.withRemovedHolidays(Set.of())).namedHolidays(y)) {
                names.put(h.date(), h.name());
            }
            for (LocalDate d : removedHolidays) {
                if (d.getYear() == y) {
                    out.add(new HolidayLine(d, names.getOrDefault(d, "Holiday"), true, false));
                }
            }
            out.sort(Comparator.comparing(HolidayLine::date));
        }
        holidays.setAll(out);
    }

    // ---------------------------------------------------------------- saving

    /** The draft as a policy version; throws {@link StoreException.Invalid} with a message for people. */
    public PolicyVersion draft() {
        ResponseTargets targets;
        Duration t1 = parseTarget("S1", s1.get());
        Duration t2 = parseTarget("S2", s2.get());
        Duration t3 = parseTarget("S3", s3.get());
        targets = new ResponseTargets(t1, t2, t3);
        return new PolicyVersion(effectiveInstant(), targets, spec());
    }

    CalendarSpec spec() {
        LocalTime o = parseTime("Opening time", opens.get());
        LocalTime c = parseTime("Closing time", closes.get());
        if (!o.isBefore(c)) {
            throw new StoreException.Invalid("The desk must open before it closes (" + o + " is not before " + c + ").");
        }
        return new CalendarSpec(zone.get(), o, c, region.get(), new TreeSet<>(extraClosures),
                new TreeSet<>(removedHolidays));
    }

    /** The instant the new version takes effect: the chosen date and time in the agent's zone; now for this minute. */
    public Instant effectiveInstant() {
        LocalDate d = effectiveDate.get();
        if (d == null) {
            throw new StoreException.Invalid("Choose the date the new version takes effect.");
        }
        LocalTime t = parseTime("Effective time", effectiveTime.get());
        Instant chosen = d.atTime(t).atZone(displayZone).toInstant();
        Instant now = clock.instant();
        Instant thisMinute = now.atZone(displayZone).truncatedTo(ChronoUnit.MINUTES).toInstant();
        return chosen.equals(thisMinute) ? now : chosen;
    }

    private void checkEffective() {
        Instant at;
        try {
            at = effectiveInstant();
        } catch (RuntimeException e) {
            effectiveWarning.set(e.getMessage());
            return;
        }
        if (at.isBefore(clock.instant().minusSeconds(60))) {
            effectiveWarning.set("This is in the past: tickets received since " + when.format(at)
                    + " will be re-measured under the new version (their response deadlines are recomputed).");
        } else {
            effectiveWarning.set("");
        }
    }

    /** True when saving would re-measure tickets received before now. */
    public boolean effectiveInThePast() {
        try {
            return effectiveInstant().isBefore(clock.instant().minusSeconds(60));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Saves the draft as a new version (background); the future completes with it, or fails with a plain message. */
    public CompletableFuture<StoredVersion> save() {
        PolicyVersion v;
        try {
            v = draft();
            if (note.get() == null || note.get().isBlank()) {
                throw new StoreException.Invalid("Add a note saying why the policy changes (it is kept with the version).");
            }
        } catch (RuntimeException e) {
            return refuse(e);
        }
        String why = note.get().strip();
        return background(() -> store.policy().add(admin, v, why)).thenCompose(saved -> {
            note.set("");
            resetEffective();
            return load().thenApply(x -> {
                setStatus("Saved: the new version is in force from " + when.format(saved.version().effectiveFrom())
                        + ". Desks measure countdowns under it after signing in again.");
                return saved;
            });
        });
    }

    // ---------------------------------------------------------------- parsing and formatting

    private static final Pattern HM = Pattern.compile("(?:(\\d+)\\s*h(?:ours?|rs?)?)?\\s*(?:(\\d+)\\s*m(?:in(?:utes?|s)?)?)?");
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2})");

    /** "1h", "4 h", "90m", "1h 30m", "1:30" or a bare number of hours; whole minutes, above zero. */
    public static Duration parseTarget(String name, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher clockM = CLOCK.matcher(t);
        Matcher hm = HM.matcher(t);
        if (t.matches("\\d{1,4}")) {
            d = Duration.ofHours(Long.parseLong(t));
        } else if (clockM.matches()) {
            d = Duration.ofHours(Long.parseLong(clockM.group(1))).plusMinutes(Long.parseLong(clockM.group(2)));
        } else if (!t.isEmpty() && hm.matches() && (hm.group(1) != null || hm.group(2) != null)) {
            d = Duration.ofHours(hm.group(1) == null ? 0 : Long.parseLong(hm.group(1)))
                    .plusMinutes(hm.group(2) == null ? 0 : Long.parseLong(hm.group(2)));
        }
        if (d == null) {
            throw new StoreException.Invalid(name + " target: write it in hours and minutes, e.g. 1h, 4h or 1h 30m"
                    + (t.isEmpty() ? "." : " ('" + text.strip() + "' is not)."));
        }
        if (d.isZero()) {
            throw new StoreException.Invalid(name + " target must be longer than zero.");
        }
        if (d.compareTo(Duration.ofHours(1000)) > 0) {
            throw new StoreException.Invalid(name + " target is more than 1000 Business Hours.");
        }
        return d;
    }

    /** "1h", "4h 30m", "45m". */
    public static String formatTarget(Duration d) {
        long m = d.toMinutes();
        long h = m / 60;
        long min = m % 60;
        if (h == 0) {
            return min + "m";
        }
        return min == 0 ? h + "h" : h + "h " + min + "m";
    }

    /** "09:00", "9:00", "0900" or "9". */
    public static LocalTime parseTime(String name, String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.matches("\\d{1,2}")) {
                return LocalTime.of(Integer.parseInt(t), 0);
            }
            if (t.matches("\\d{4}")) {
                return LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2)));
            }
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeException | NumberFormatException e) {
            throw new StoreException.Invalid(name + ": write a time of day such as 09:00" + (t.isEmpty() ? "." : " ('" + t
                    + "' is not)."));
        }
    }

    private static void insertSorted(List<LocalDate> list, LocalDate value) {
        int i = Collections.binarySearch(list, value);
        if (i < 0) {
            list.add(-i - 1, value);
        }
    }

    /** "Fri 25 Dec 2026". */
    public static String format(LocalDate d) {
        return DAY.format(d);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    /** "1 Jan 2000 00:00" in the agent's zone (the history table). */
    public String whenShort(Instant t) {
        return SHORT.withZone(displayZone).format(t);
    }

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /** When a stored version takes effect, in the agent's zone. */
    public String when(Instant t) {
        return when.format(t);
    }

    // ---------------------------------------------------------------- accessors

    public ObservableList<StoredVersion> versions() {
        return versions;
    }

    public StringProperty s1Property() {
        return s1;
    }

    public StringProperty s2Property() {
        return s2;
    }

    public StringProperty s3Property() {
        return s3;
    }

    public StringProperty opensProperty() {
        return opens;
    }

    public StringProperty closesProperty() {
        return closes;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ObjectProperty<HolidayRegion> regionProperty() {
        return region;
    }

    public ObservableList<LocalDate> extraClosures() {
        return extraClosures;
    }

    public ObservableList<LocalDate> removedHolidays() {
        return removedHolidays;
    }

    public ObjectProperty<LocalDate> effectiveDateProperty() {
        return effectiveDate;
    }

    public StringProperty effectiveTimeProperty() {
        return effectiveTime;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public ObservableList<HolidayLine> holidays() {
        return holidays;
    }

    public ReadOnlyStringProperty effectiveWarningProperty() {
        return effectiveWarning.getReadOnlyProperty();
    }



    public ReadOnlyStringProperty inForceProperty() {
        return inForce.getReadOnlyProperty();
    }


    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ZoneId displayZone() {
        return displayZone;
    }

    /** The version in force now (after {@link #load()}). */
    public PolicyVersion current() {
        return current;
    }
}
