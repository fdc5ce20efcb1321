package com.supportdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files and folders only their owner may open: POSIX modes 0700/0600, or on Windows (ACL file systems) an
 * ACL with a single entry for the owner. The embedded database, its backups, logs and keys live in such a
 * folder, so another account on the same computer cannot read them.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates the folder if needed and restricts it (0700 / owner-only ACL). */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, true);
        return dir;
    }

    /** Restricts an existing file (0600 / owner-only ACL); does nothing if it does not exist. */
    public static void file(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, false);
        }
    }

    /**
     * Creates a new, empty file that only its owner may open (0600 from the moment it exists where the file system
     * has POSIX modes; an owner-only ACL set before anything is written otherwise).
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists (it is never overwritten)
     */
    public static Path newFile(Path file) throws IOException {
        if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        restrict(file, false);
        return file;
    }

    /** Restricts every regular file directly in {@code dir} whose name starts with {@code prefix}. */
    public static void files(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                restrict(p, false);
            }
        }
    }

    /** True when group and others have no access (always true where the file system has no POSIX modes). */
    public static boolean isRestricted(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix == null) {
            return true;
        }
        String perms = PosixFilePermissions.toString(posix.readAttributes().permissions());
        return perms.substring(3).equals("------");
    }

    private static void restrict(Path path, boolean directory) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(path);
        EnumSet<AclEntryPermission> all = EnumSet.allOf(AclEntryPermission.class);
        AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner).setPermissions(all);
        if (directory) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        acl.setAcl(List.of(entry.build()));
    }
}
