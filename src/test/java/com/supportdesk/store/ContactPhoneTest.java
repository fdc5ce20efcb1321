package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.PhoneNumbers;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contacts' phone numbers in the store: E.164 with the extension apart and the contact's region, and the caller
 * lookup by whole or partial numbers in any format. {@code ContactPhonePostgresTest} runs them all on PostgreSQL.
 */
class ContactPhoneTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Agent admin;
    Agent olive;
    Customer acme;
    Customer eire;

    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        admin = desk.admin();
        olive = desk.agent("olive", Clearance.NONE);
        acme = desk.store().customers().create(admin, "Acme Widgets", false, 0);
        eire = desk.store().customers().create(admin, "Eire Freight", false, 0);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    /** The operator's store: an uncleared agent, signed in with their own login on PostgreSQL. */
    private ContactRepository contacts() {
        return desk.as(olive).contacts();
    }

    private List<String> names(String typed) {
        return contacts().search(typed, 12).stream().map(m -> m.contact().name()).toList();
    }

    private Contact add(Long customer, String name, String phone, String extension, String region) {
        return contacts().create(olive, customer, name, name.toLowerCase().replace(' ', '.') + "@example.com", phone,
                extension, region, ContactRole.REGISTERED_USER);
    }

    @Test
    void numbersAreStoredAsE164WithTheExtensionApartAndTheContactsRegion() {
        Contact london = add(acme.id(), "Lena London", "+44 (0)20 7946 0018", null, null);
        assertThat(london.phone()).isEqualTo("+44 (0)20 7946 0018");
        assertThat(london.phoneE164()).isEqualTo("+442079460018");
        assertThat(london.phoneExtension()).isNull();
        assertThat(london.region()).isEqualTo("GB");
        Contact dublin = add(eire.id(), "Dara Dublin", "01 234 5678", null, "ie");
        assertThat(dublin.phoneE164()).isEqualTo("+35312345678");
        assertThat(dublin.region()).isEqualTo("IE");
        Contact sf = add(acme.id(), "Sam Francisco", "+1 (415) 555-0100 ext. 23", null, null);
        assertThat(sf.phoneE164()).isEqualTo("+14155550100");
        assertThat(sf.phoneExtension()).isEqualTo("23");
        assertThat(sf.region()).isEqualTo("US");
        assertThat(sf.phoneText()).isEqualTo("+1 415-555-0100 ext. 23");
        Contact paris = add(acme.id(), "Pia Paris", "+33 1 23 45 67 89", "4", null);
        assertThat(paris.phoneExtension()).isEqualTo("4");
        assertThat(paris.region()).isEqualTo("FR");
        // what was stored is what is read back, on every path
        assertThat(desk.store().contacts().byId(sf.id())).contains(sf);
        assertThat(desk.store().contacts().byEmail("dara.dublin@example.com")).contains(dublin);
        assertThat(desk.store().contacts().forCustomer(acme.id())).contains(london, sf, paris);
    }

    @Test
    void theSameNumberInAnyFormatFindsTheCaller() {
        add(acme.id(), "Lena London", "020 7946 0018", null, null);
        add(acme.id(), "Pia Paris", "+33 (0)1 23 45 67 89", null, null);
        add(eire.id(), "Dara Dublin", "01 234 5678", null, "IE");
        add(acme.id(), "Sam Francisco", "+1 415 555 0100", "23", null);
        for (String typed : List.of("020 7946 0018", "+44 20 7946 0018", "+44 (0)20 7946 0018", "0044 20 7946 0018",
                "0044 (0)20-7946-0018", "+44 020 7946 0018", "(020) 7946-0018", "+442079460018")) {
            assertThat(names(typed)).as(typed).containsExactly("Lena London");
        }
        for (String typed : List.of("+33 (0)1 23 45 67 89", "+33 1 23 45 67 89", "0033 1 23 45 67 89", "0033123456789")) {
            assertThat(names(typed)).as(typed).containsExactly("Pia Paris");
        }
        for (String typed : List.of("+353 1 234 5678", "00353 1 234 5678", "+353 (0)1 234 5678")) {
            assertThat(names(typed)).as(typed).containsExactly("Dara Dublin");
        }
        // typed without country code at a UK desk, the Dublin number is Dara's own national number: first; Paris'
        // 01 23 45 67 89 holds the same digits, so it is offered after her
        assertThat(names("01 234 5678")).containsExactly("Dara Dublin", "Pia Paris");
        // the Dublin number is not a London one: +44 1 234 5678 is nobody
        assertThat(names("+44 1 234 5678")).isEmpty();
        for (String typed : List.of("+1 (415) 555-0100", "+1 415 555 0100 ext. 23", "+1 415 555 0100 x99", "(415) 555-0100")) {
            assertThat(names(typed)).as(typed).containsExactly("Sam Francisco");
        }
    }

    @Test
    void partialTypingStillFindsMatches() {
        add(acme.id(), "Lena London", "020 7946 0018", null, null);
        add(acme.id(), "Manny Manchester", "0161 496 0103", null, null);
        add(acme.id(), "Pia Paris", "+33 (0)1 23 45 67 89", null, null);
        add(eire.id(), "Dara Dublin", "01 234 5678", null, "IE");
        assertThat(names("+44 (0)20 79")).containsExactly("Lena London");
        assertThat(names("0044 20 7")).containsExactly("Lena London");
        assertThat(names("0044")).containsExactly("Lena London", "Manny Manchester");
        assertThat(names("020 79")).containsExactly("Lena London");
        assertThat(names("7946 00")).containsExactly("Lena London");
        assertThat(names("207 946")).containsExactly("Lena London");
        assertThat(names("496 01")).containsExactly("Manny Manchester");
        assertThat(names("+33 (0)1 2")).containsExactly("Pia Paris");
        assertThat(names("+33 1 23 45")).containsExactly("Pia Paris");
        assertThat(names("+353 1 23")).containsExactly("Dara Dublin");
        // part of a national number is looked for in every country: Paris' 01 23 45 67 89 starts the same way
        assertThat(names("01 234")).containsExactly("Dara Dublin", "Pia Paris");
        // names, e-mail addresses and customers are still found as before
        assertThat(names("dara")).containsExactly("Dara Dublin");
        assertThat(names("eire")).containsExactly("Dara Dublin");
        assertThat(names("lena.london@")).containsExactly("Lena London");
    }

    @Test
    void theWholeNumberComesFirstThenTheExtensionTypedWhichNeverFilters() {
        // an Irish contact's national number, and a Bedford number that holds the same digits
        add(acme.id(), "Aaron Bedford", "01234 567890", null, null);
        add(eire.id(), "Dara Dublin", "01 234 5678", null, "IE");
        assertThat(names("01 234 5678")).containsExactly("Dara Dublin", "Aaron Bedford");
        assertThat(names("01234 5678")).containsExactly("Dara Dublin", "Aaron Bedford");
        // one switchboard, two extensions
        add(acme.id(), "Ann Switchboard", "+1 415 555 0100", "23", null);
        add(acme.id(), "Bob Switchboard", "+1 415 555 0100 ext. 45", null, null);
        assertThat(names("+1 415 555 0100 ext. 45")).containsExactly("Bob Switchboard", "Ann Switchboard");
        assertThat(names("+1 415 555 0100 x23")).containsExactly("Ann Switchboard", "Bob Switchboard");
        assertThat(names("+1 415 555 0100")).containsExactly("Ann Switchboard", "Bob Switchboard");
        assertThat(contacts().search("+1 415 555 0100", 1)).hasSize(1);
    }

    @Test
    void badNumbersRegionsAndExtensionsAreRefusedInPlainWordsAndNothingIsStored() {
        assertThatThrownBy(() -> add(acme.id(), "Tiny", "12", null, null)).isInstanceOf(StoreException.Invalid.class)
                .hasMessage("'12' is too short for a phone number in United Kingdom.");
        assertThatThrownBy(() -> add(eire.id(), "Dara Dublin", "01 234 5678", null, null))
                .isInstanceOf(StoreException.Invalid.class)
                .hasMessage("'01 234 5678' has the wrong number of digits for a phone number in United Kingdom.");
        assertThatThrownBy(() -> add(acme.id(), "Xena", "020 7946 0018", null, "XX")).isInstanceOf(StoreException.Invalid.class)
                .hasMessage("'XX' is not a country code: use two letters such as GB, IE, FR or US.");
        assertThatThrownBy(() -> add(acme.id(), "Exa", "020 7946 0018", "12a", null)).isInstanceOf(StoreException.Invalid.class)
                .hasMessage("An extension is 1 to 20 digits ('12a' is not).");
        assertThatThrownBy(() -> add(acme.id(), "Exa", null, "12", null)).isInstanceOf(StoreException.Invalid.class)
                .hasMessage("An extension needs a phone number.");
        assertThatThrownBy(() -> add(acme.id(), "Exa", "020 7946 0018 ext. 12", "13", null))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("carries the extension 12, not 13");
        assertThat(desk.store().contacts().all()).isEmpty();
        // the same extension twice is no conflict
        assertThat(add(acme.id(), "Exa", "020 7946 0018 ext. 12", "12", null).phoneExtension()).isEqualTo("12");
    }

    @Test
    void aContactsRegionDecidesHowTheirNationalNumberIsReadAndEditingItReadsItAgain() {
        // typed at a UK desk, the French digits make a (possible) UK number...
        Contact pia = add(acme.id(), "Pia Paris", "01 23 45 67 89", null, null);
        assertThat(pia.region()).isEqualTo("GB");
        assertThat(pia.phoneE164()).startsWith("+44");
        // ...until her region says France
        Contact fixed = contacts().update(olive, pia.id(), acme.id(), pia.name(), pia.email(), pia.phone(), null, "FR",
                pia.role(), true);
        assertThat(fixed.phoneE164()).isEqualTo("+33123456789");
        assertThat(fixed.region()).isEqualTo("FR");
        assertThat(names("+33 1 23 45 67 89")).containsExactly("Pia Paris");
        // an edit that names no region keeps hers: a new national number is read in France
        Contact moved = contacts().update(olive, pia.id(), acme.id(), pia.name(), pia.email(), "06 12 34 56 78",
                pia.role(), true);
        assertThat(moved.phoneE164()).isEqualTo("+33612345678");
        assertThat(moved.region()).isEqualTo("FR");
        // removing the number keeps the region
        Contact none = contacts().update(olive, pia.id(), acme.id(), pia.name(), pia.email(), "", pia.role(), true);
        assertThat(none.phone()).isNull();
        assertThat(none.phoneE164()).isNull();
        assertThat(none.region()).isEqualTo("FR");
    }

    @Test
    void anEditKeepsTheExtensionWhileTheNumberStaysTheSame() {
        Contact ann = add(acme.id(), "Ann", "+1 415 555 0100", "23", null);
        // an edit through a form that knows nothing of extensions (the old signature) keeps it
        Contact renamed = contacts().update(olive, ann.id(), acme.id(), "Ann Smith", ann.email(), "+1 (415) 555-0100",
                ann.role(), true);
        assertThat(renamed.phoneExtension()).isEqualTo("23");
        assertThat(renamed.phoneText()).isEqualTo("+1 415-555-0100 ext. 23");
        // a new number, or an empty extension, drops it
        assertThat(contacts().update(olive, ann.id(), acme.id(), "Ann Smith", ann.email(), "+1 415 555 0199", ann.role(),
                true).phoneExtension()).isNull();
        Contact back = contacts().update(olive, ann.id(), acme.id(), "Ann Smith", ann.email(), "+1 415 555 0100", "45",
                null, ann.role(), true);
        assertThat(back.phoneExtension()).isEqualTo("45");
        assertThat(contacts().update(olive, ann.id(), acme.id(), "Ann Smith", ann.email(), "+1 415 555 0100", "", null,
                ann.role(), true).phoneExtension()).isNull();
    }

    @Test
    void theDefaultRegionIsAnAdminsSettingUsedByTheStoreAndTheLookup() {
        assertThat(contacts().defaultRegion()).isEqualTo("GB");
        assertThatThrownBy(() -> contacts().setDefaultRegion(olive, "IE")).isInstanceOf(StoreException.AccessDenied.class);
        assertThatThrownBy(() -> desk.store().contacts().setDefaultRegion(admin, "Ireland"))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("not a country code");
        assertThat(desk.store().contacts().setDefaultRegion(admin, "ie")).isEqualTo("IE");
        assertThat(desk.store().settings().get(PhoneNumbers.DEFAULT_REGION_SETTING)).contains("IE");
        assertThat(contacts().defaultRegion()).isEqualTo("IE");

        Contact dara = add(eire.id(), "Dara Dublin", "01 234 5678", null, null);
        assertThat(dara.phoneE164()).isEqualTo("+35312345678");
        assertThat(dara.region()).isEqualTo("IE");
        // a London number typed with its country code still is one, and the contact's region is the number's
        Contact lena = add(acme.id(), "Lena London", "+44 20 7946 0018", null, null);
        assertThat(lena.region()).isEqualTo("GB");
        // the lookup reads a whole national number in the default region
        assertThat(contacts().search("01 234 5678", 5)).extracting(ContactMatch::contact).extracting(Contact::name)
                .containsExactly("Dara Dublin");
        // numbers already stored keep the region they were read in
        desk.store().contacts().setDefaultRegion(admin, "FR");
        assertThat(desk.store().contacts().byId(dara.id()).orElseThrow().phoneE164()).isEqualTo("+35312345678");
        assertThat(names("+353 1 234 5678")).containsExactly("Dara Dublin");
    }

    @Test
    void anUnreadableDefaultRegionSettingFallsBackToTheUk() {
        desk.store().settings().putAll(admin, Map.of(PhoneNumbers.DEFAULT_REGION_SETTING, "Narnia"));
        assertThat(contacts().defaultRegion()).isEqualTo("GB");
        assertThat(add(acme.id(), "Lena London", "020 7946 0018", null, null).phoneE164()).isEqualTo("+442079460018");
    }
}
