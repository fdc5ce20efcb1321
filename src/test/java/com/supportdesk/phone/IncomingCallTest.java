package com.supportdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.cli.CallCommand;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.store.ContactRepository.ContactMatch;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What softphones hand the desk: numbers, links, withheld callers, and the round trip over the desk's channel. */
class IncomingCallTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:07Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tel:+44-20-7946-0018                         | +44-20-7946-0018",
            "TEL:%2B44%2020%207946%200018                 | +44 20 7946 0018",
            "tel:+442079460018;phone-context=example.com  | +442079460018",
            "tel:+1-415-555-0100;ext=23                   | +1-415-555-0100 ext. 23",
            "callto:+442079460018                         | +442079460018",
            "callto://+442079460018/                      | +442079460018",
            "sip:+442079460018@pbx.example;user=phone     | +442079460018",
            "sip:2001@pbx.example                         | 2001",
            "tel:020%207946%200018?foo=bar                | 020 7946 0018"})
    void aLinkGivesItsNumber(String link, String number) {
        assertThat(IncomingCall.isLink(link)).isTrue();
        assertThat(IncomingCall.numberOf(link)).isEqualTo(number);
    }

    @Test
    void aLinkAsTheOnlyArgumentIsACall() {
        assertThat(CallCommand.readLinks(new String[] {"tel:+442079460018"}))
                .containsExactly("call", "--from", "+442079460018");
        assertThat(CallCommand.readLinks(new String[] {"--data-dir", "/d", "callto:0161 496 0000"}))
                .containsExactly("--data-dir", "/d", "call", "--from", "0161 496 0000");
        assertThat(CallCommand.readLinks(new String[] {"--demo"})).containsExactly("--demo");
        assertThat(CallCommand.readLinks(new String[0])).isEmpty();
        assertThat(IncomingCall.isLink("https://example.com")).isFalse();
        assertThat(IncomingCall.isLink("telephone")).isFalse();
    }

    @Test
    void aWithheldNumberIsNoNumberToLookUp() {
        for (String from : new String[] {"", "  ", "anonymous", "Withheld", "PRIVATE", null}) {
            IncomingCall c = new IncomingCall(from, null, null, AT);
            assertThat(c.withheld()).as(String.valueOf(from)).isTrue();
            assertThat(c.lookupable()).isFalse();
            assertThat(c.describe()).isEqualTo("a withheld number");
        }
        assertThat(new IncomingCall("2001", null, null, AT).lookupable()).isTrue();
    }

    @Test
    void whatThePhoneSystemSaysIsCutAndCleanedNeverRefused() {
        IncomingCall c = new IncomingCall(" 020 7946 0018\n", "", "Gail\u0007 Gov" + "x".repeat(300), AT);
        assertThat(c.from()).isEqualTo("020 7946 0018");
        assertThat(c.to()).isNull();
        assertThat(c.name()).startsWith("Gail Gov").hasSize(IncomingCall.MAX_TEXT);
    }

    @Test
    void theCallCrossesTheChannelWithItsMoment() {
        IncomingCall c = new IncomingCall("+44 20 7946 0018", "+44 20 7946 0000", "Gail Gov", AT);
        Map<String, String> args = c.toArgs();
        assertThat(IncomingCall.fromArgs(args, Instant.EPOCH)).isEqualTo(c);
        assertThat(c.describe()).isEqualTo("+44 20 7946 0018 (Gail Gov) to +44 20 7946 0000");
        // an unreadable moment is "now" on the receiving side
        assertThat(IncomingCall.fromArgs(Map.of("from", "1", "at", "soon"), AT).at()).isEqualTo(AT);
    }

    @Test
    void theCallerIsTheContactWithTheWholeNumberInTheirOwnRegion() {
        ContactMatch london = match("+442079460018", null);
        ContactMatch dublin = match("+35312345678", "IE");
        assertThat(new IncomingCall("020 7946 0018", null, null, AT).isNumberOf(london, "GB")).isTrue();
        assertThat(new IncomingCall("+44 (0)20 7946 0018", null, null, AT).isNumberOf(london, "GB")).isTrue();
        assertThat(new IncomingCall("020 7946 001", null, null, AT).isNumberOf(london, "GB")).isFalse();
        // the Dublin contact's national number, read in their region, not in the desk's
        assertThat(new IncomingCall("01 234 5678", null, null, AT).isNumberOf(dublin, "GB")).isTrue();
        assertThat(new IncomingCall("anonymous", null, null, AT).isNumberOf(london, "GB")).isFalse();
    }

    private static ContactMatch match(String e164, String region) {
        return new ContactMatch(new Contact(1, 1L, "C", "c@example.com", e164, ContactRole.ADMINISTRATOR, true, e164, null,
                region), "Customer", false);
    }
}
