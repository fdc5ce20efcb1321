package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link AgentRepositoryTest} on a real PostgreSQL team database, each agent with their own login. */
class AgentRepositoryPostgresTest extends AgentRepositoryTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
