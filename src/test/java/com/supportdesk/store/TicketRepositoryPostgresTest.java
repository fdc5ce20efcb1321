package com.supportdesk.store;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link TicketRepositoryTest} on a real PostgreSQL team database, each agent with their own login. */
class TicketRepositoryPostgresTest extends TicketRepositoryTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
