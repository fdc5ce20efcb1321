package com.supportdesk.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with one desk at a time, on either engine, in a temporary folder; the desk is closed after each test. */
public abstract class OneDeskTest {

    @TempDir
    protected Path dir;
    protected TestDesk desk;

    @AfterEach
    void closeDesk() {
        if (desk != null) {
            desk.close();
        }
    }

    /** Opens this test's desk on {@code engine} (system clock). */
    protected TestDesk open(TestDesk.Engine engine) {
        desk = TestDesk.open(engine, dir, Clock.systemUTC());
        return desk;
    }
}
