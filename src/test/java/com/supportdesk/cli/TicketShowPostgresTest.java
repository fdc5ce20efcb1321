package com.supportdesk.cli;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link TicketShowTest} on a real PostgreSQL team database (every command signs in). */
class TicketShowPostgresTest extends TicketShowTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
