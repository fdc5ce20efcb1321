package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link SensitiveSeamTest} on a real PostgreSQL team database, each agent with their own login. */
class SensitiveSeamPostgresTest extends SensitiveSeamTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
