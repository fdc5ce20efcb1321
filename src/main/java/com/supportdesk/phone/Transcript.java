package com.supportdesk.phone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A parsed chat transcript: its messages in order, each with the time it was written. */
public record Transcript(List<Line> lines, String text) {

    /** One message: {@code [10:02] Name: text}, with any continuation lines joined by newlines. */
    public record Line(int lineNumber, LocalDateTime at, String name, String text) {

        public Instant instant(ZoneId zone) {
            return at.atZone(zone).toInstant();
        }
    }

    public Transcript {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a transcript has at least one line");
        }
        lines = List.copyOf(lines);
    }

    public Line first() {
        return lines.get(0);
    }

    public Line last() {
        return lines.get(lines.size() - 1);
    }

    /** When the customer asked: the first line's time, in the given zone (docs/response-clock.md). */
    public Instant received(ZoneId zone) {
        return first().instant(zone);
    }

    /** The participants' names in the order they first speak. */
    public List<String> participants() {
        Set<String> seen = new LinkedHashSet<>();
        for (Line l : lines) {
            seen.add(l.name());
        }
        return List.copyOf(seen);
    }

    /** The participants whose name is one of {@code deskNames} (agents' display names or user names), any case. */
    public Set<String> deskParticipants(Collection<String> deskNames) {
        Set<String> keys = deskNames.stream().map(Transcript::key).collect(Collectors.toSet());
        return participants().stream().filter(p -> keys.contains(key(p)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The first line written by one of the desk's participants at or after {@code notBefore}. */
    public Optional<Line> firstDeskLine(Set<String> desk, ZoneId zone, Instant notBefore) {
        Set<String> keys = desk.stream().map(Transcript::key).collect(Collectors.toSet());
        return lines.stream().filter(l -> keys.contains(key(l.name())))
                .filter(l -> notBefore == null || !l.instant(zone).isBefore(notBefore)).findFirst();
    }

    /** The lines written by everyone else (the customer's side). */
    public List<Line> customerLines(Set<String> desk) {
        Set<String> keys = desk.stream().map(Transcript::key).collect(Collectors.toSet());
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            if (!keys.contains(key(l.name()))) {
                out.add(l);
            }
        }
        return out;
    }

    /** A subject for a ticket opened from this chat: the customer's first words. */
    public String suggestedSubject(Set<String> desk) {
        return customerLines(desk).stream().map(l -> l.text().strip().replaceAll("\\s+", " "))
                .filter(s -> !s.isEmpty()).findFirst()
                .map(s -> s.length() > 80 ? s.substring(0, 79).strip() + "\u2026" : s)
                .orElse("Chat transcript");
    }

    /** True when the customer marked the chat OFFICIAL-SENSITIVE in its first lines. */
    public boolean markedSensitive() {
        return lines.stream().limit(5).anyMatch(l -> Markings.marksSensitive(l.text()));
    }

    static String key(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
