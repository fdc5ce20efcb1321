package com.supportdesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md's table of keys is the action registry's, for both platforms (one source: DeskAction). */
class ReadmeKeysTest {

    static final String START = "<!-- keys: ActionFactory.readmeTable(), kept equal by ReadmeKeysTest -->\n";
    static final String END = "<!-- /keys -->";

    @Test
    void theReadmeListsTheKeysOfTheRegistryForEachPlatform() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertThat(from).as("README.md has the generated table of keys").isNotNegative();
        String table = readme.substring(from + START.length(), to);
        assertThat(table).as("README.md's table of keys; paste this in:\n" + ActionFactory.readmeTable())
                .isEqualTo(ActionFactory.readmeTable());
        assertThat(table).contains("| Ctrl+M | \u2303\u2318M | Assign to me |", "| F11 | \u2303\u2318F |",
                "| Ctrl+Shift+Q | \u2014 | Sign out |");
    }
}
