-- Mail from unknown senders (issue 13). Portable SQL: H2 2.x and PostgreSQL.
--
-- message.unknown_sender: an inbound e-mail threaded onto a ticket (by its [SD-n] subject tag or its
-- References) whose sender is neither the ticket's contact nor a contact of the ticket's customer. Refs are
-- sequential, so anyone can write to any ticket: such mail is kept on the ticket but marked, reopens nothing,
-- changes no status and is never the default recipient of a reply.
ALTER TABLE message ADD COLUMN unknown_sender BOOLEAN DEFAULT FALSE NOT NULL;
