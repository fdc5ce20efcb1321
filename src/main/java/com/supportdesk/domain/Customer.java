package com.supportdesk.domain;

public record Customer(long id, String name, boolean government, int trainingSessionsContracted) {
}
