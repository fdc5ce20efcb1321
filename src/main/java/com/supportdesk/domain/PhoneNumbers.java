package com.supportdesk.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as the desk stores and matches them (libphonenumber): a contact's number is kept in E.164
 * ({@code +442079460018}) with any extension apart, so {@code 020 7946 0018}, {@code +44 (0)20 7946 0018} and
 * {@code 0044 20-7946-0018} are one number, and {@code +33 (0)1 23 45 67 89} is {@code +33 1 23 45 67 89}. A number
 * typed without a country code is read in a region (ISO 3166-1 alpha-2): the contact's own, else the desk's default
 * ({@link #DEFAULT_REGION_SETTING}, {@code GB} unless an admin changed it), so an Irish {@code 01 234 5678} is
 * {@code +35312345678}, not a London number.
 *
 * <p>Caller lookup works on what the operator has typed so far ({@link #lookup}): a partial international number is
 * matched as the start of the E.164 form, a partial national number anywhere in the digits of the contact's number as
 * dialled in its own country or in the digits of its E.164 form. The extension never takes part in a match.
 */
public final class PhoneNumbers {

    /** The region a national number is read in when neither the contact nor the desk names one. */
    public static final String DEFAULT_REGION = "GB";

    /** The app setting ({@code app_setting}) holding the desk's default region; admins change it. */
    public static final String DEFAULT_REGION_SETTING = "phone.defaultRegion";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** An extension at the end of a typed number: {@code ext. 23}, {@code x23}, {@code #23}, {@code ;ext=23}. */
    private static final Pattern EXTENSION = Pattern.compile(
            "(?i)\\s*(?:;\\s*ext\\s*=|ext(?:ension)?\\.?|ex|e|x|#)\\s*:?\\s*(\\d*)\\s*$");
    /** "(0)", the redundant trunk zero of {@code +44 (0)20 …}. */
    private static final Pattern TRUNK_ZERO = Pattern.compile("\\(\\s*0\\s*\\)");
    private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}");

    private PhoneNumbers() {
    }

    /**
     * A number read for storage.
     *
     * @param e164           the number in E.164 form, {@code +} and digits
     * @param extension      the extension's digits, or null
     * @param region         the country the number belongs to (ISO 3166-1 alpha-2): where it was dialled with a
     *                       country code, that country's; otherwise the region it was read in
     * @param nationalDigits the digits of the number as dialled within its own country ({@code 02079460018},
     *                       {@code 012345678} for Dublin), for matching what an operator types
     */
    public record Number(String e164, String extension, String region, String nationalDigits) {

        /** The number for people: international format and the extension, e.g. {@code +44 20 7946 0018 ext. 23}. */
        public String display() {
            return PhoneNumbers.display(e164, extension);
        }
    }

    /** Text that cannot be read as a phone number; the message says why in plain words. */
    public static final class InvalidPhoneNumber extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidPhoneNumber(String message) {
            super(message);
        }
    }

    /**
     * Reads a whole number as typed (any spacing and punctuation, {@code +}, {@code 00}, {@code (0)}, an extension).
     *
     * @param region the region a number without country code is read in
     * @throws InvalidPhoneNumber when the text is not a possible phone number
     */
    public static Number parse(String text, String region) {
        String r = region(region);
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidPhoneNumber("The phone number is empty.");
        }
        PhoneNumber n;
        try {
            n = UTIL.parseAndKeepRawInput(t, r);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumber(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "'" + t + "' does not start with a known country code: type it as"
                        + " +<country code> <number>, or without a country code for a number in " + regionName(r) + ".";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "'" + t + "' is too short for a phone number.";
                case TOO_LONG -> "'" + t + "' is too long for a phone number.";
                default -> "'" + t + "' is not a phone number.";
            });
        }
        String own = ownRegion(n, r);
        switch (UTIL.isPossibleNumberWithReason(n)) {
            case IS_POSSIBLE:
                break;
            case IS_POSSIBLE_LOCAL_ONLY:
                throw new InvalidPhoneNumber("'" + t + "' is a local number: add the area code.");
            case TOO_SHORT:
                throw new InvalidPhoneNumber("'" + t + "' is too short for a phone number in " + regionName(own) + ".");
            case TOO_LONG:
                throw new InvalidPhoneNumber("'" + t + "' is too long for a phone number in " + regionName(own) + ".");
            case INVALID_COUNTRY_CODE:
                throw new InvalidPhoneNumber("'" + t + "' does not start with a known country code.");
            default:
                throw new InvalidPhoneNumber("'" + t + "' has the wrong number of digits for a phone number in "
                        + regionName(own) + ".");
        }
        if (UTIL.getNationalSignificantNumber(n).startsWith("0")
                && "0".equals(UTIL.getNddPrefixForRegion(UTIL.getRegionCodeForCountryCode(n.getCountryCode()), true))) {
            // the trunk zero could not be taken off (too few digits after it): "01 234 5678" read in GB
            throw new InvalidPhoneNumber("'" + t + "' has the wrong number of digits for a phone number in "
                    + regionName(own) + ".");
        }
        String ext = n.hasExtension() && !n.getExtension().isEmpty() ? n.getExtension() : null;
        PhoneNumber bare = new PhoneNumber().mergeFrom(n).clearExtension().clearRawInput();
        return new Number(UTIL.format(bare, PhoneNumberFormat.E164), ext, own,
                digits(UTIL.format(bare, PhoneNumberFormat.NATIONAL)));
    }

    /** {@link #parse}, or empty for text that is not a possible number (old rows, half-typed input). */
    public static Optional<Number> tryParse(String text, String region) {
        try {
            return Optional.of(parse(text, region));
        } catch (InvalidPhoneNumber e) {
            return Optional.empty();
        }
    }

    /** The country a parsed number belongs to; a number without its own country code belongs to the region it was read in. */
    private static String ownRegion(PhoneNumber n, String readIn) {
        if (n.getCountryCodeSource() == PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY) {
            return readIn;
        }
        String r = UTIL.getRegionCodeForNumber(n);
        if (r == null || !REGION.matcher(r).matches()) {
            // a number in a range not yet allocated (e.g. the Ofcom drama ranges): the country code's main region
            r = UTIL.getRegionCodeForCountryCode(n.getCountryCode());
        }
        return r == null || !REGION.matcher(r).matches() || PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(r)
                ? readIn : r;
    }

    /**
     * The number for people: international format and the extension apart ({@code +44 20 7946 0018 ext. 23}); null
     * for a null number.
     */
    public static String display(String e164, String extension) {
        if (e164 == null) {
            return null;
        }
        String shown;
        try {
            shown = UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            shown = e164;
        }
        return extension == null || extension.isEmpty() ? shown : shown + " ext. " + extension;
    }

    /**
     * A region code as stored: two letters, upper case, one libphonenumber knows (GB, IE, FR, US, …).
     *
     * @throws IllegalArgumentException with a plain message for anything else
     */
    public static String region(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!REGION.matcher(c).matches() || !UTIL.getSupportedRegions().contains(c)) {
            throw new IllegalArgumentException("'" + (code == null ? "" : code.strip()) + "' is not a country code:"
                    + " use two letters such as GB, IE, FR or US.");
        }
        return c;
    }

    /** True when {@link #region} accepts the code. */
    public static boolean isRegion(String code) {
        try {
            region(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The country's name in English ({@code Ireland} for {@code IE}). */
    public static String regionName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.UK);
        return name == null || name.isEmpty() ? code : name;
    }

    /** True when the text looks like (part of) a phone number rather than a name: digits, phone punctuation, an extension. */
    public static boolean looksLikePhone(String text) {
        if (text == null) {
            return false;
        }
        String number = withoutExtension(text.strip());
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            char ch = number.charAt(i);
            if (Character.isDigit(ch)) {
                digits++;
            } else if (ch != ' ' && ch != '+' && ch != '-' && ch != '(' && ch != ')' && ch != '.' && ch != '/') {
                return false;
            }
        }
        return digits >= 3;
    }

    /**
     * What to look for when an operator has typed {@code text} (possibly only part of a number).
     *
     * @param exact          the whole number in E.164 when the text already is one (read in {@code defaultRegion} if
     *                       it has no country code), else null
     * @param extension      the extension typed, else null: orders matches, never filters them
     * @param e164Prefix     for a number typed with its country code ({@code +}, {@code 00}): the start of the E.164
     *                       form typed so far ({@code +3312} for {@code +33 (0)1 2}), else null
     * @param digits         for a number typed without a country code: its digits, to be found anywhere in a contact's
     *                       national digits or E.164 form, else null
     */
    public record Lookup(String exact, String extension, String e164Prefix, String digits) {
    }

    /** {@link Lookup} for what was typed; empty unless the text {@link #looksLikePhone looks like a phone number}. */
    public static Optional<Lookup> lookup(String text, String defaultRegion) {
        if (!looksLikePhone(text)) {
            return Optional.empty();
        }
        String t = text.strip();
        String region = region(defaultRegion);
        Optional<Number> whole = tryParse(t, region);
        Matcher ext = EXTENSION.matcher(t);
        String typedExt = ext.find() && !ext.group(1).isEmpty() ? ext.group(1) : null;
        String extension = whole.map(Number::extension).orElse(typedExt);
        String exact = whole.map(Number::e164).orElse(null);
        String number = withoutExtension(t);
        String all = digits(number);
        String idd = UTIL.getCountryCodeForRegion(region) == 1 ? "011" : "00";
        boolean plus = number.startsWith("+");
        if (!plus && !all.startsWith(idd)) {
            return Optional.of(new Lookup(exact, extension, null, all));
        }
        String rest = digits(TRUNK_ZERO.matcher(number).replaceAll(" "));
        rest = plus ? rest : rest.substring(idd.length());
        for (int len = 1; len <= 3 && len <= rest.length(); len++) {
            int cc = Integer.parseInt(rest.substring(0, len));
            String main = UTIL.getRegionCodeForCountryCode(cc);
            if (!"ZZ".equals(main)) { // ZZ: no country has this code
                String national = rest.substring(len);
                // "+44 020 …": the trunk zero is not part of the international number
                if ("0".equals(UTIL.getNddPrefixForRegion(main, true)) && national.startsWith("0")) {
                    national = national.substring(1);
                }
                return Optional.of(new Lookup(exact, extension, "+" + cc + national, null));
            }
        }
        return Optional.of(new Lookup(exact, extension, "+" + rest, null));
    }

    private static String withoutExtension(String text) {
        Matcher m = EXTENSION.matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }

    private static String digits(String s) {
        StringBuilder d = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                d.append(ch);
            }
        }
        return d.toString();
    }

    /** The digits of the text, for numbers that cannot be read (kept so that a search by digits still finds them). */
    public static String digitsOf(String text) {
        return text == null ? "" : digits(text);
    }
}
