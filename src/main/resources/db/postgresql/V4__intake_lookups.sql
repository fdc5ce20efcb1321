-- Mail intake at the speed of the wire (issue 17). sd.sender_known (R__access_model.sql) is asked for every e-mail
-- threaded onto a ticket and compares lower(email), which uq_contact_email cannot serve: this index can, so the cost
-- of a message does not grow with the contacts. (The embedded desk stores addresses in lower case and reads them by
-- uq_contact_email: src/main/java/com/supportdesk/store/Conversation.java, KNOWN_SENDER.)
-- The same release's access model stores an e-mail's raw source, digest and unknown-sender mark with its INSERT,
-- and runs sd.session_agent and sd.role_in as PL/pgSQL (plans kept per session); this version tells desks it is there.
CREATE INDEX ix_contact_email_lower ON sd_data.contact (lower(email));
