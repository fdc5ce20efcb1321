package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.HolidayRegion;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.sla.ResponseTargets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Versions of the response policy. A ticket is measured under the version in force at its received
 * instant, so adding a version never moves a result from before its effective instant.
 */
public final class PolicyRepository {

    /** A stored version with who made it and why. */
    public record StoredVersion(long id, PolicyVersion version, String note, Instant createdAt) {
    }

    private final Database db;
    private volatile CachedClock cached;

    private record CachedClock(long maxId, ResponseClock clock) {
    }

    public PolicyRepository(Database db) {
        this.db = db;
    }

    /** Where a new version's deadlines are recomputed (set once by {@link Store}: the two depend on each other). */
    private TicketChanges changes;

    void recomputeWith(TicketChanges changes) {
        this.changes = changes;
    }

    /** The response clock under the stored policy versions (cached until a version is added). */
    public ResponseClock clock() {
        return db.tx(this::clock);
    }

    ResponseClock clock(Connection c) throws SQLException {
        // once per transaction (a group of the mail intake opens many tickets); add() drops it when it writes
        Map<Object, Object> inTx = db.txCache();
        if (inTx.get(PolicyRepository.class) instanceof ResponseClock kept) {
            return kept;
        }
        ResponseClock clock = current(c);
        inTx.put(PolicyRepository.class, clock);
        return clock;
    }

    private ResponseClock current(Connection c) throws SQLException {
        long maxId;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM policy_version")) {
            rs.next();
            maxId = rs.getLong(1);
        }
        CachedClock cc = cached;
        if (cc != null && cc.maxId() == maxId) {
            return cc.clock();
        }
        List<PolicyVersion> versions = versions(c).stream().map(StoredVersion::version).toList();
        ResponseClock clock = new ResponseClock(versions.isEmpty() ? ResponsePolicy.standard() : ResponsePolicy.of(versions));
        cached = new CachedClock(maxId, clock);
        return clock;
    }

    public List<StoredVersion> versions() {
        return db.tx(this::versions);
    }

    private List<StoredVersion> versions(Connection c) throws SQLException {
        List<StoredVersion> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT * FROM policy_version ORDER BY effective_from, id")) {
            while (rs.next()) {
                CalendarSpec cal = new CalendarSpec(ZoneId.of(rs.getString("zone_id")),
                        LocalTime.parse(rs.getString("opens")), LocalTime.parse(rs.getString("closes")),
                        HolidayRegion.valueOf(rs.getString("region")), dates(rs.getString("extra_closures")),
                        dates(rs.getString("removed_holidays")));
                ResponseTargets targets = new ResponseTargets(Duration.ofSeconds(rs.getLong("s1_seconds")),
                        Duration.ofSeconds(rs.getLong("s2_seconds")), Duration.ofSeconds(rs.getLong("s3_seconds")));
                out.add(new StoredVersion(rs.getLong("id"),
                        new PolicyVersion(Sql.instant(rs, "effective_from"), targets, cal),
                        rs.getString("note"), Sql.instant(rs, "created_at")));
            }
        }
        return out;
    }

    /**
     * Adds a version (admins only) and recomputes the stored deadline of every ticket received at or after
     * its effective instant, recording each change in that ticket's history.
     */
    public StoredVersion add(Agent actor, PolicyVersion version, String note) {
        AgentRepository.requireAdmin(actor, "change the response policy");
        validate(version);
        return db.tx(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_version (effective_from, s1_seconds, s2_seconds,"
                    + " s3_seconds, zone_id, opens, closes, region, extra_closures, removed_holidays, note, created_at,"
                    + " created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Sql.ID)) {
                CalendarSpec cal = version.calendar();
                Sql.setInstant(ps, 1, version.effectiveFrom());
                ps.setLong(2, version.targets().s1().toSeconds());
                ps.setLong(3, version.targets().s2().toSeconds());
                ps.setLong(4, version.targets().s3().toSeconds());
                ps.setString(5, cal.zone().getId());
                ps.setString(6, cal.opens().toString());
                ps.setString(7, cal.closes().toString());
                ps.setString(8, cal.region().name());
                ps.setString(9, joinDates(cal.extraClosures()));
                ps.setString(10, joinDates(cal.removedHolidays()));
                ps.setString(11, note);
                Sql.setInstant(ps, 12, db.clock().instant());
                ps.setLong(13, actor.id());
                ps.executeUpdate();
                id = Sql.generatedId(ps);
            }
            db.txCache().remove(PolicyRepository.class);
            changes.recomputeDeadlines(c, actor, version.effectiveFrom(), clock(c));
            return versions(c).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
        });
    }

    private static void validate(PolicyVersion v) {
        ResponseTargets t = v.targets();
        for (Duration d : List.of(t.s1(), t.s2(), t.s3())) {
            if (d.isNegative() || d.isZero()) {
                throw new StoreException.Invalid("Response targets must be longer than zero.");
            }
        }
        if (!v.calendar().opens().isBefore(v.calendar().closes())) {
            throw new StoreException.Invalid("Opening time must be before closing time.");
        }
    }

    private static Set<LocalDate> dates(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String joinDates(Set<LocalDate> dates) {
        return dates == null ? "" : new TreeSet<>(dates).stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}
