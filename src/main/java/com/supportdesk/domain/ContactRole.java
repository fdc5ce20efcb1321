package com.supportdesk.domain;

public enum ContactRole {
    ADMINISTRATOR, REGISTERED_USER
}
