-- A deliberately broken migration, only on the test class path (store/DatabaseUpgradeTest): it changes the schema
-- and then fails, as a faulty upgrade would. H2 has committed the first two statements by the time the third fails.
CREATE TABLE half_done (id INT PRIMARY KEY);
ALTER TABLE ticket ADD COLUMN half_done_flag INT;
INSERT INTO no_such_table (id) VALUES (1);
