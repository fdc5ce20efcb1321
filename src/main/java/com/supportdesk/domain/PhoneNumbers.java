package com.supportdesk.domain;

/**
 * Phone numbers compared by digits in UK national form: {@code +44 20 7946 0018}, {@code 0044 20...}
 * and {@code 020 7946 0018} all become {@code 02079460018}.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    public static String normalize(String phone) {
        if (phone == null) {
            return "";
        }
        String t = phone.strip();
        boolean international = t.startsWith("+") || t.startsWith("00");
        StringBuilder digits = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits.append(ch);
            }
        }
        String d = digits.toString();
        if (t.startsWith("00")) {
            d = d.substring(2);
        }
        if (international && d.startsWith("44")) {
            d = "0" + d.substring(2);
            // "+44 (0)20 ..." keeps a redundant trunk zero
            if (d.startsWith("00")) {
                d = d.substring(1);
            }
        } else if (international) {
            d = "+" + d;
        }
        return d;
    }

    /** True when the text looks like (part of) a phone number rather than a name. */
    public static boolean looksLikePhone(String text) {
        if (text == null) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isDigit(ch)) {
                digits++;
            } else if (ch != ' ' && ch != '+' && ch != '-' && ch != '(' && ch != ')' && ch != '.') {
                return false;
            }
        }
        return digits >= 3;
    }
}
