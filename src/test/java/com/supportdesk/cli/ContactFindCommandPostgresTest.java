package com.supportdesk.cli;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link ContactFindCommandTest} on a real PostgreSQL team database: every command signs in. */
class ContactFindCommandPostgresTest extends ContactFindCommandTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
