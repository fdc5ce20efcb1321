package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.cli.CallCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Linux menu entry (packaging/linux/resources/support-desk.desktop, installed by the .deb) makes the desk the
 * handler of exactly the phone links it reads, and passes the link as the only argument, which the launcher reads
 * as {@code call --from}.
 */
class LinkHandlersTest {

    @Test
    void theLinuxMenuEntryHandsTheDeskThePhoneLinksItReads() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("packaging/linux/resources/support-desk.desktop"));
        String mime = lines.stream().filter(l -> l.startsWith("MimeType=")).findFirst().orElseThrow();
        List<String> schemes = Arrays.stream(mime.substring("MimeType=".length()).split(";")).filter(s -> !s.isBlank())
                .map(s -> s.substring("x-scheme-handler/".length())).toList();
        assertThat(schemes).containsExactlyInAnyOrderElementsOf(IncomingCall.SCHEMES);
        assertThat(lines).contains("Exec=APPLICATION_LAUNCHER %u");
        for (String scheme : schemes) {
            // what the desktop runs for a link: the launcher with the link alone
            assertThat(CallCommand.readLinks(new String[] {scheme + ":+442079460018"}))
                    .as(scheme).containsSequence("call", "--from");
        }
    }
}
