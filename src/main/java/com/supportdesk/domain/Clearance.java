package com.supportdesk.domain;

/** Security clearance of a member of staff. */
public enum Clearance {
    NONE, CLEARED
}
