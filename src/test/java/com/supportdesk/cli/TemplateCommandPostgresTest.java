package com.supportdesk.cli;

import com.supportdesk.testing.TestDesk;

/** Every test of {@link TemplateCommandTest} on a real PostgreSQL team database (every command signs in). */
class TemplateCommandPostgresTest extends TemplateCommandTest {
    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }
}
