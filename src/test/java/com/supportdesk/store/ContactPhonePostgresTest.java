package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link ContactPhoneTest} on a real PostgreSQL team database, each agent with their own login. */
class ContactPhonePostgresTest extends ContactPhoneTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
