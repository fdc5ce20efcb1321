package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link TrainingRepositoryTest} on a real PostgreSQL team database, each agent with their own login. */
class TrainingRepositoryPostgresTest extends TrainingRepositoryTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
