package com.supportdesk.store;

import java.nio.file.Path;

/** A store failure with a message meant for people: shown as is in dialogs and on the command line. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The database file is open in another process. */
    public static final class DatabaseInUse extends StoreException {
        private static final long serialVersionUID = 1L;

        public DatabaseInUse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The database was written by a newer version of Support Desk (or of H2). */
    public static final class NewerVersion extends StoreException {
        private static final long serialVersionUID = 1L;

        public NewerVersion(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The file is not a Support Desk database, or is damaged. */
    public static final class Damaged extends StoreException {
        private static final long serialVersionUID = 1L;

        public Damaged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The database server could not be reached. */
    public static final class Unreachable extends StoreException {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Someone else changed the record since it was loaded. */
    public static final class ConcurrentChange extends StoreException {
        private static final long serialVersionUID = 1L;

        public ConcurrentChange(String message) {
            super(message);
        }
    }

    /** The acting agent may not do or see this. */
    public static final class AccessDenied extends StoreException {
        private static final long serialVersionUID = 1L;

        public AccessDenied(String message) {
            super(message);
        }
    }

    /** The thing asked for does not exist. */
    public static final class NotFound extends StoreException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** The input is not acceptable (duplicate name, missing field, ...). */
    public static final class Invalid extends StoreException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    /** A team database needs the agent's own user name and password to open. */
    public static final class SignInRequired extends StoreException {
        private static final long serialVersionUID = 1L;

        public SignInRequired(String message) {
            super(message);
        }
    }

    /** The team database's schema is older than this program needs (the owner runs {@code team upgrade}). */
    public static final class NeedsUpgrade extends StoreException {
        private static final long serialVersionUID = 1L;

        public NeedsUpgrade(String message) {
            super(message);
        }
    }

    /** An upgrade of the embedded database's schema failed; the database was put back from the backup taken first. */
    public static final class UpgradeFailed extends StoreException {
        private static final long serialVersionUID = 1L;

        public UpgradeFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A write failed because the disk is full: the message names the folder and the space left. */
    public static final class DiskFull extends StoreException {
        private static final long serialVersionUID = 1L;
        private final transient Path folder;
        private final long bytesLeft;

        public DiskFull(String message, Path folder, long bytesLeft, Throwable cause) {
            super(message, cause);
            this.folder = folder;
            this.bytesLeft = bytesLeft;
        }

        /** The folder that could not be written. */
        public Path folder() {
            return folder;
        }

        /** The bytes left there when it failed (-1 when unknown). */
        public long bytesLeft() {
            return bytesLeft;
        }
    }
}
