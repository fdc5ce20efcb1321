package com.supportdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.PhoneNumbers.InvalidPhoneNumber;
import com.supportdesk.domain.PhoneNumbers.Lookup;
import com.supportdesk.domain.PhoneNumbers.Number;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phone numbers as people type them, read for storage and for the caller lookup. */
class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} read in {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # typed                         | read in | E.164          | ext  | region | national digits
            # UK landline, in every way it is written
            020 7946 0018                   | GB | +442079460018  | -    | GB | 02079460018
            (020) 7946-0018                 | GB | +442079460018  | -    | GB | 02079460018
            02079460018                     | GB | +442079460018  | -    | GB | 02079460018
            0161 496 0103                   | GB | +441614960103  | -    | GB | 01614960103
            # +44 (0) and 0044
            +44 (0)20 7946 0018             | GB | +442079460018  | -    | GB | 02079460018
            +44 (0) 20 7946 0018            | GB | +442079460018  | -    | GB | 02079460018
            +44 020 7946 0018               | GB | +442079460018  | -    | GB | 02079460018
            +442079460018                   | GB | +442079460018  | -    | GB | 02079460018
            0044 20 7946 0018               | GB | +442079460018  | -    | GB | 02079460018
            0044 (0)20-7946-0018            | GB | +442079460018  | -    | GB | 02079460018
            # the same London number typed at an Irish or French desk
            +44 20 7946 0018                | IE | +442079460018  | -    | GB | 02079460018
            0044 20 7946 0018               | FR | +442079460018  | -    | GB | 02079460018
            # UK mobile (a real range, and Ofcom's drama range, which is possible though not allocated)
            07400 123456                    | GB | +447400123456  | -    | GB | 07400123456
            +44 7400 123 456                | GB | +447400123456  | -    | GB | 07400123456
            07700 900123                    | GB | +447700900123  | -    | GB | 07700900123
            +44 (0)7700 900123              | GB | +447700900123  | -    | GB | 07700900123
            # UK with an extension
            020 7946 0018 ext. 123          | GB | +442079460018  | 123  | GB | 02079460018
            # French
            +33 (0)1 23 45 67 89            | GB | +33123456789   | -    | FR | 0123456789
            +33 1 23 45 67 89               | GB | +33123456789   | -    | FR | 0123456789
            0033 1 23 45 67 89              | GB | +33123456789   | -    | FR | 0123456789
            01 23 45 67 89                  | FR | +33123456789   | -    | FR | 0123456789
            06 12 34 56 78                  | FR | +33612345678   | -    | FR | 0612345678
            # Irish: Dublin and a mobile
            01 234 5678                     | IE | +35312345678   | -    | IE | 012345678
            (01) 234 5678                   | IE | +35312345678   | -    | IE | 012345678
            +353 1 234 5678                 | GB | +35312345678   | -    | IE | 012345678
            00353 (0)1 234 5678             | GB | +35312345678   | -    | IE | 012345678
            087 123 4567                    | IE | +353871234567  | -    | IE | 0871234567
            # US with extension
            +1 (415) 555-0100 ext. 23       | GB | +14155550100   | 23   | US | 4155550100
            +1 415 555 0100 x23             | GB | +14155550100   | 23   | US | 4155550100
            +1-415-555-0100 #23             | GB | +14155550100   | 23   | US | 4155550100
            (415) 555-0100 extension 23     | US | +14155550100   | 23   | US | 4155550100
            415.555.0100                    | US | +14155550100   | -    | US | 4155550100
            # Italy keeps its leading zero
            +39 06 1234 5678                | GB | +390612345678  | -    | IT | 0612345678
            """)
    void readsRealWorldFormats(String typed, String region, String e164, String ext, String own, String digits) {
        Number n = PhoneNumbers.parse(typed, region);
        assertThat(n.e164()).isEqualTo(e164);
        assertThat(n.extension()).isEqualTo(ext);
        assertThat(n.region()).isEqualTo(own);
        assertThat(n.nationalDigits()).isEqualTo(digits);
    }

    @Test
    void anIrishNationalNumberIsNotALondonNumber() {
        assertThat(PhoneNumbers.parse("01 234 5678", "IE").e164()).isEqualTo("+35312345678");
        // read in the UK the same digits are no number at all, and never the Irish one
        assertThat(PhoneNumbers.tryParse("01 234 5678", "GB")).isEmpty();
        assertThatThrownBy(() -> PhoneNumbers.parse("01 234 5678", "GB")).isInstanceOf(InvalidPhoneNumber.class)
                .hasMessage("'01 234 5678' has the wrong number of digits for a phone number in United Kingdom.");
        // and the same national digits in France are a Paris number
        assertThat(PhoneNumbers.parse("01 23 45 67 89", "GB").e164()).isNotEqualTo(PhoneNumbers.parse("01 23 45 67 89",
                "FR").e164());
    }

    @Test
    void textThatIsNoPhoneNumberGetsAPlainMessage() {
        assertThatThrownBy(() -> PhoneNumbers.parse("12", "GB")).isInstanceOf(InvalidPhoneNumber.class)
                .hasMessage("'12' is too short for a phone number in United Kingdom.");
        assertThatThrownBy(() -> PhoneNumbers.parse("call reception", "GB")).hasMessage("'call reception' is not a phone number.");
        assertThatThrownBy(() -> PhoneNumbers.parse("+999 1234 5678", "GB"))
                .hasMessageStartingWith("'+999 1234 5678' does not start with a known country code");
        assertThatThrownBy(() -> PhoneNumbers.parse("7946 0018", "GB")).hasMessage("'7946 0018' is a local number: add the"
                + " area code.");
        assertThatThrownBy(() -> PhoneNumbers.parse("020 7946 0018 1234 5678", "GB"))
                .hasMessageContaining("too long for a phone number");
        assertThatThrownBy(() -> PhoneNumbers.parse(" ", "GB")).hasMessage("The phone number is empty.");
    }

    @Test
    void regionsAreTwoLetterCodesLibphonenumberKnows() {
        assertThat(PhoneNumbers.region(" ie ")).isEqualTo("IE");
        assertThat(PhoneNumbers.isRegion("FR")).isTrue();
        for (String bad : new String[] {"XX", "England", "", "44", "UK"}) {
            assertThat(PhoneNumbers.isRegion(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> PhoneNumbers.region("England")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'England' is not a country code: use two letters such as GB, IE, FR or US.");
        assertThat(PhoneNumbers.regionName("IE")).isEqualTo("Ireland");
    }

    @Test
    void numbersAreShownInInternationalFormatWithTheExtensionApart() {
        assertThat(PhoneNumbers.parse("020 7946 0018 ext. 123", "GB").display()).isEqualTo("+44 20 7946 0018 ext. 123");
        assertThat(PhoneNumbers.display("+14155550100", "23")).isEqualTo("+1 415-555-0100 ext. 23");
        assertThat(PhoneNumbers.display("+35312345678", null)).isEqualTo("+353 1 234 5678");
        assertThat(PhoneNumbers.display(null, null)).isNull();
        Contact read = new Contact(1, null, "Uma", null, "+1 415 555 0100 x23", ContactRole.ADMINISTRATOR, true,
                "+14155550100", "23", "US");
        assertThat(read.phoneText()).isEqualTo("+1 415-555-0100 ext. 23");
        Contact unread = new Contact(2, null, "Gus", null, "reception, ask for Bob", ContactRole.ADMINISTRATOR, true);
        assertThat(unread.phoneText()).isEqualTo("reception, ask for Bob");
    }

    @Test
    void whatLooksLikeAPhoneNumberWhileTyping() {
        for (String phone : new String[] {"020", "+44 (0)20 79", "7946", "0044-20", "+1 415 555 0100 ext. 23",
                "+1 415 555 0100 x", "415.555.0100 #2", "(01) 234"}) {
            assertThat(PhoneNumbers.looksLikePhone(phone)).as(phone).isTrue();
        }
        for (String text : new String[] {"Gail", "gail@gov.example", "12", "Rex 123", "R2D2 unit", "", " ", "ext 123"}) {
            assertThat(PhoneNumbers.looksLikePhone(text)).as(text).isFalse();
        }
        assertThat(PhoneNumbers.looksLikePhone(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # typed so far                  | default | exact          | ext | E.164 prefix    | digits
            +44 (0)20 79                    | GB | -              | -   | +442079         | -
            +44 020 79                      | GB | -              | -   | +442079         | -
            0044 20 79                      | GB | -              | -   | +442079         | -
            0044 (0)20-7946-0018            | GB | +442079460018  | -   | +442079460018   | -
            +33 (0)1 2                      | GB | -              | -   | +3312           | -
            0033 1 23 45 67 89              | GB | +33123456789   | -   | +33123456789    | -
            +35 3                           | GB | -              | -   | +353            | -
            +353 (0)1 234                   | GB | -              | -   | +3531234        | -
            +39 06 12                       | GB | -              | -   | +390612         | -
            020 7946                        | GB | -              | -   | -               | 0207946
            7946 0018                       | GB | -              | -   | -               | 79460018
            020 7946 0018                   | GB | +442079460018  | -   | -               | 02079460018
            01 234 5678                     | IE | +35312345678   | -   | -               | 012345678
            01 234 5678                     | GB | -              | -   | -               | 012345678
            +1 415 555 0100 ext. 23         | GB | +14155550100   | 23  | +14155550100    | -
            +1 415 555 0100 x               | GB | +14155550100   | -   | +14155550100    | -
            415 555 0100 x23                | US | +14155550100   | 23  | -               | 4155550100
            011 44 20 79                    | US | -              | -   | +442079         | -
            """)
    void partialTypingLooksForTheStartOfAnInternationalNumberOrTheDigitsOfANationalOne(String typed, String region,
            String exact, String ext, String prefix, String digits) {
        assertThat(PhoneNumbers.lookup(typed, region)).contains(new Lookup(exact, ext, prefix, digits));
    }

    @Test
    void namesAreNoLookupByNumber() {
        assertThat(PhoneNumbers.lookup("Gail Gov", "GB")).isEmpty();
        assertThat(PhoneNumbers.lookup("12", "GB")).isEmpty();
    }
}
