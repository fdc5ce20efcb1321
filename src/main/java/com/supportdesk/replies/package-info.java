/**
 * Agents' replies (issue 18): saved replies filled for the ticket at hand, signatures with the classification line of
 * Official Sensitive tickets, the policy at hand for a reply (first-response replies first, whether the reply is the
 * first customer contact), and the JSON file a team keeps its replies in. The composer (ui.ticket) and the
 * {@code template} command both work through {@link com.supportdesk.replies.SavedReplies}; the replies themselves
 * are stored by {@link com.supportdesk.store.SavedReplyRepository}.
 */
package com.supportdesk.replies;
