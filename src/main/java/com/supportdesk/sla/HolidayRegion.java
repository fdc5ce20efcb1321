package com.supportdesk.sla;
// TEMPORARY STUB: replaced by the real engine from branch sla
public enum HolidayRegion { ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND;
    public static HolidayRegion parse(String s) { return valueOf(s.trim().toUpperCase().replace('-', '_')); } }
