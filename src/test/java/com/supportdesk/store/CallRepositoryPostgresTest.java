package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link CallRepositoryTest} on a real PostgreSQL team database, each agent with their own login. */
class CallRepositoryPostgresTest extends CallRepositoryTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
