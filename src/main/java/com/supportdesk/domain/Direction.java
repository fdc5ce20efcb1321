package com.supportdesk.domain;

public enum Direction {
    IN, OUT, INTERNAL
}
