package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesAreSaltedPbkdf2AndVerify() {
        Passwords p = new Passwords();
        String h1 = p.hash("correct horse".toCharArray());
        String h2 = p.hash("correct horse".toCharArray());
        assertThat(h1).startsWith("pbkdf2-sha512$210000$").isNotEqualTo(h2).doesNotContain("correct horse");
        assertThat(p.verify("correct horse".toCharArray(), h1)).isTrue();
        assertThat(p.verify("correct horsE".toCharArray(), h1)).isFalse();
        assertThat(p.verify("x".toCharArray(), "plain")).isFalse();
    }
}
