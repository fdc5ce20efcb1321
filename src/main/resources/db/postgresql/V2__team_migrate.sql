-- Team mode: moving an embedded desk up (`support-desk team migrate`, see docs/decisions/007-moving-a-desk-up.md).
--
-- team_import: at most one row, written by sd.import_begin and closed by sd.import_end in the same transaction
-- (R__access_model.sql, section "team migrate"): who moved which desk in, and when. The import functions work
-- only while this row is open, in the transaction that opened it; once a desk has been moved in, never again.
CREATE TABLE sd_data.team_import (
    id          SMALLINT     PRIMARY KEY CHECK (id = 1),
    login       VARCHAR(64)  NOT NULL,
    xact        BIGINT       NOT NULL,
    source      VARCHAR(1000),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
