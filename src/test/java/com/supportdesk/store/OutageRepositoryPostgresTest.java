package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link OutageRepositoryTest} on a real PostgreSQL team database, each agent with their own login. */
class OutageRepositoryPostgresTest extends OutageRepositoryTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
