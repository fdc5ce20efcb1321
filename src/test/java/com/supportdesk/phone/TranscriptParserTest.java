package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void readsTimedLinesOnTodaysDateWithContinuations() {
        Transcript t = TranscriptParser.parse("""
                [10:02] Gail Gov: Hello, the portal is down
                for all of our users.

                [10:03] Ada Admin: Sorry to hear that. Checking now.
                [10:05:30] Gail Gov: Thanks
                """, TODAY);
        assertThat(t.lines()).hasSize(3);
        assertThat(t.first().at()).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 2));
        assertThat(t.first().text()).isEqualTo("Hello, the portal is down\nfor all of our users.");
        assertThat(t.first().lineNumber()).isEqualTo(1);
        assertThat(t.lines().get(1).lineNumber()).isEqualTo(4);
        assertThat(t.last().at()).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 5, 30));
        assertThat(t.participants()).containsExactly("Gail Gov", "Ada Admin");
        assertThat(t.received(ZoneId.of("Europe/London"))).isEqualTo(Instant.parse("2026-11-25T10:02:00Z"));
    }

    @Test
    void takesTheDateFromADateLineAHeaderOrTheBrackets() {
        assertThat(TranscriptParser.parse("Date: 24/11/2026\n[17:59] A: x", TODAY).first().at())
                .isEqualTo(LocalDateTime.of(2026, 11, 24, 17, 59));
        assertThat(TranscriptParser.parse("Chat with Support \u2013 Tuesday 24 November 2026\n[09:00] A: x", TODAY)
                .first().at()).isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 0));
        Transcript t = TranscriptParser.parse("[2026-11-20 16:00] A: x\n[16:01] B: y\n2026-11-23\n[08:00] A: z", TODAY);
        assertThat(t.lines()).extracting(Transcript.Line::at).containsExactly(LocalDateTime.of(2026, 11, 20, 16, 0),
                LocalDateTime.of(2026, 11, 20, 16, 1), LocalDateTime.of(2026, 11, 23, 8, 0));
    }

    @Test
    void aTimeBeforeThePreviousOneIsAfterMidnightAndAmPmIsRead() {
        Transcript t = TranscriptParser.parse("[11:58 pm] A: late\n[00:03] B: still here", TODAY);
        assertThat(t.lines()).extracting(Transcript.Line::at).containsExactly(LocalDateTime.of(2026, 11, 25, 23, 58),
                LocalDateTime.of(2026, 11, 26, 0, 3));
    }

    @Test
    void deskParticipantsAndFirstReplyMatchNamesInAnyCase() {
        Transcript t = TranscriptParser.parse("[10:00] Bob: hi\n[10:04] ada admin: hello\n[10:06] Bob: OFFICIAL-SENSITIVE data",
                TODAY);
        Set<String> desk = t.deskParticipants(List.of("Ada Admin", "admin"));
        assertThat(desk).containsExactly("ada admin");
        assertThat(t.firstDeskLine(desk, ZoneId.of("UTC"), null)).get().extracting(Transcript.Line::lineNumber).isEqualTo(2);
        assertThat(t.suggestedSubject(desk)).isEqualTo("hi");
        assertThat(t.markedSensitive()).isTrue();
    }

    @Test
    void refusesBadLinesNamingThem() {
        assertThatThrownBy(() -> TranscriptParser.parse("[10:00] Bob: hi\n[10:75] Ada: hello", TODAY))
                .isInstanceOf(TranscriptException.class).hasMessageStartingWith("Line 2: ")
                .hasMessageContaining("10:75");
        assertThatThrownBy(() -> TranscriptParser.parse("\n[10:00] just text without a name", TODAY))
                .isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("Line 2: no \u201cName:\u201d after the time");
        assertThatThrownBy(() -> TranscriptParser.parse("Hello there\n[10:00] Bob: hi", TODAY))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("Line 1: expected a line like [10:02] Name: text, or a date, but found \u201cHello there\u201d.");
        assertThatThrownBy(() -> TranscriptParser.parse("[yesterday] Bob: hi", TODAY))
                .hasMessageStartingWith("Line 1: \u201c[yesterday]\u201d is not a time");
        assertThatThrownBy(() -> TranscriptParser.parse("  \n ", TODAY)).hasMessageContaining("empty");
        assertThatThrownBy(() -> TranscriptParser.parse("2026-11-25\n", TODAY))
                .hasMessage("The transcript has no lines like [10:02] Name: text.");
    }
}
