-- Only on the test class path (store/MigrationInterruptedTest): a migration that changes the schema and then, in a
-- child process started with -DpauseForKill=true, waits to be killed — as a desk stopped half-way through an
-- upgrade would be. H2 has committed the first statement by then.
ALTER TABLE ticket ADD COLUMN paused_flag INT;
CREATE ALIAS IF NOT EXISTS PAUSE_FOR_KILL FOR 'com.supportdesk.store.MigrationKillChild.pauseIfAsked';
CALL PAUSE_FOR_KILL();
