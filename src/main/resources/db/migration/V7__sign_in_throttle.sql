-- Failed sign-ins per user name (issue 13), embedded database only: after a few failures the store makes the
-- next attempt wait, longer each time, also across separate command-line runs. Names nobody has are counted the
-- same way, so the throttle does not tell which user names exist. A successful sign-in removes the row.
-- (A team database on PostgreSQL checks passwords itself: throttling there is the server's, see README.)
CREATE TABLE sign_in_failure (
    username       VARCHAR(200) PRIMARY KEY,
    failures       INT NOT NULL,
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE
);
