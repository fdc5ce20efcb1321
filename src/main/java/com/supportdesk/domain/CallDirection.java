package com.supportdesk.domain;

public enum CallDirection {
    INBOUND, OUTBOUND
}
