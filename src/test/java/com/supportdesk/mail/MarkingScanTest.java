package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The OFFICIAL-SENSITIVE search over text in pieces (MarkingScan) and over raw mail (RawScan). */
class MarkingScanTest {

    @Test
    void theMarkingInItsSpellings() {
        for (String marked : new String[] {"OFFICIAL-SENSITIVE", "official sensitive", "Official_Sensitive",
                "OFFICIAL\u00A0SENSITIVE", "OFFICIAL \u2013 SENSITIVE", "(OFFICIAL-SENSITIVE)", "OFFICIAL\n\n  SENSITIVE",
                "O\u0000F\u0000F\u0000I\u0000C\u0000I\u0000A\u0000L\u0000-\u0000S\u0000E\u0000N\u0000S\u0000I\u0000T\u0000I\u0000V\u0000E"}) {
            assertThat(MarkingScan.marked(marked)).as(marked).isTrue();
        }
        for (String not : new String[] {"OFFICIALSENSITIVE", "UNOFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVEX", "OFFICIAL",
                "OFFICIAL.SENSITIVE", "", "sensitive official"}) {
            assertThat(MarkingScan.marked(not)).as(not).isFalse();
        }
    }

    /** Wherever a piece or the search window ends, a word is judged with what comes before and after it. */
    @Test
    void pieceAndWindowEdgesChangeNothing() {
        Random random = new Random(13);
        for (int pad = 8_150; pad < 8_250; pad++) {
            String before = ".".repeat(pad);
            for (String[] c : new String[][] {{"OFFICIAL-SENSITIVE", "true"}, {"UNOFFICIAL-SENSITIVE", "false"},
                    {"OFFICIAL-SENSITIVEX", "false"}, {"OFFICIAL-SENSITIVE.", "true"}}) {
                String text = before + c[0] + ".".repeat(random.nextInt(3));
                boolean expected = Boolean.parseBoolean(c[1]);
                assertThat(MarkingScan.marked(text)).as("%s after %d", c[0], pad).isEqualTo(expected);
                MarkingScan pieces = new MarkingScan();
                for (int i = 0; i < text.length(); ) {
                    int n = Math.min(text.length() - i, 1 + random.nextInt(40));
                    pieces.text(text.substring(i, i + n));
                    i += n;
                }
                assertThat(pieces.end().found()).as("%s after %d, in pieces", c[0], pad).isEqualTo(expected);
            }
        }
        assertThat(new MarkingScan().text("OFFICIAL").end().text("SENSITIVE").end().found())
                .as("two texts never join").isFalse();
    }

    @Test
    void bytesAreDecodedAcrossPieces() {
        MarkingScan scan = new MarkingScan();
        MarkingScan.Decoding utf8 = new MarkingScan.Decoding(scan, StandardCharsets.UTF_8);
        byte[] bytes = "caf\u00e9 OFFICIAL\u00A0SENSITIVE".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            utf8.bytes(new byte[] {b}, 0, 1); // every multi-byte character split
        }
        utf8.end();
        assertThat(scan.verdict()).isEqualTo(TextMarking.MARKED);
        MarkingScan unsure = new MarkingScan();
        unsure.unsure();
        assertThat(unsure.all("nothing here").verdict()).isEqualTo(TextMarking.UNSURE);
        assertThat(new MarkingScan().all("nothing here").verdict()).isEqualTo(TextMarking.UNMARKED);
    }

    private static TextMarking raw(String text, boolean binaryIsUnsure) throws IOException {
        return RawScan.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), binaryIsUnsure);
    }

    @Test
    void rawMailIsDecodedAsFarAsItCanBe() throws IOException {
        String b64 = Base64.getMimeEncoder().encodeToString(("Hello,\n" + "line\n".repeat(40) + "OFFICIAL-SENSITIVE\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(raw("Subject: x\r\n\r\n" + b64.replace("\r\n", "\n") + "\n", true)).isEqualTo(TextMarking.MARKED);
        assertThat(raw("Subject: x\r\n\r\nsoft OFFICIAL=\r\n-SENSITIVE break\r\n", true)).isEqualTo(TextMarking.MARKED);
        assertThat(raw("Subject: x\r\n\r\nhex OFFICIAL=2DSENSITIVE\r\n", true)).isEqualTo(TextMarking.MARKED);
        assertThat(raw("Subject: =?utf-8?q?OFFICIAL=2DSENSITIVE?=\r\n\r\nb\r\n", true)).isEqualTo(TextMarking.MARKED);
        assertThat(raw("Subject: =?utf-8?q?OFFICIAL?=\r\n =?utf-8?q?_SENSITIVE?=\r\n\r\nb\r\n", true))
                .as("encoded words on folded lines").isEqualTo(TextMarking.MARKED);
        assertThat(raw("Subject: x\r\n\r\nA plain body; Donaudampfschifffahrtsgesellschaft\r\n", true))
                .as("a long word is no base64 worth doubting").isEqualTo(TextMarking.UNMARKED);

        StringBuilder binary = new StringBuilder("Subject: x\r\n\r\n");
        for (int i = 0; i < 64; i++) {
            binary.append((char) (i % 8));
        }
        assertThat(raw(binary.toString(), true)).as("binary cannot be searched").isEqualTo(TextMarking.UNSURE);
        assertThat(raw(binary.toString(), false)).isEqualTo(TextMarking.UNMARKED);
        String image = Base64.getMimeEncoder().encodeToString(new byte[3000]);
        assertThat(raw("Subject: x\r\n\r\n" + image + "\r\n", true)).as("base64 of binary data").isEqualTo(TextMarking.UNSURE);
    }
}
