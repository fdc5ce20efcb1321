package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link PolicyRepositoryTest} on a real PostgreSQL team database, each agent with their own login. */
class PolicyRepositoryPostgresTest extends PolicyRepositoryTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
