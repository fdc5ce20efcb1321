package com.supportdesk.ui.admin;

import com.supportdesk.ui.common.DialogService;
import java.nio.file.Path;
import java.util.Optional;

/** The desk's dialogs plus what the administration screens also ask: a file to open, a yes/no question. */
public interface AdminDialogs extends DialogService {

    /** Asks for an existing file to read; {@code filters} are "description|*.ext|*.ext2" entries. Empty when cancelled. */
    Optional<Path> askOpenFile(String title, String... filters);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String message, String yes);
}
