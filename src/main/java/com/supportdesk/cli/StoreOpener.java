package com.supportdesk.cli;

import com.supportdesk.store.Store;

/** Opens the store the global options point at (and seeds demo data with --demo). Supplied by the app layer. */
@FunctionalInterface
public interface StoreOpener {
    Store open(GlobalOptions options);
}
