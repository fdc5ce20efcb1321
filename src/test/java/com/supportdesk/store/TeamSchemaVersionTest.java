package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Desks tell an old team database from a new one by TeamSchema.VERSION: it must be the highest V migration. */
class TeamSchemaVersionTest {

    @Test
    void theVersionDesksCheckIsTheHighestVersionedMigration() throws Exception {
        URL dir = getClass().getClassLoader().getResource("db/postgresql");
        assertThat(dir).isNotNull();
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        int highest;
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            highest = files.map(p -> versioned.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        }
        assertThat(highest).isPositive();
        assertThat(TeamSchema.VERSION).isEqualTo(highest);
    }
}
