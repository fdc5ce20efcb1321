package com.supportdesk.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the mail passwords kept in the shared settings table (AES-256-GCM, a fresh 96-bit nonce per value,
 * the setting's name as associated data so a value cannot be moved to another setting).
 *
 * <p>The key is 32 random bytes in a file in the local data folder ({@value #KEY_FILE}), created on first use
 * and readable by its owner only (POSIX mode 600; on Windows an ACL with only the owner). Threat model, honestly:
 * this keeps the passwords out of the database file, its backups and exports, and out of reach of anyone who
 * can query the database (a shared team server); it does NOT protect them from someone who can read this
 * user's data folder, where key and database lie side by side. A machine without the key file (another
 * desktop, the mail gateway) cannot decrypt the passwords: there they are entered again or given in the
 * environment ({@code SUPPORTDESK_IMAP_PASSWORD}).
 */
public final class SecretBox {

    public static final String KEY_FILE = "mail-secrets.key";
    private static final String PREFIX = "aesgcm1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored secret could not be decrypted here. The message is one plain sentence. */
    public static final class SecretException extends Exception {
        private static final long serialVersionUID = 1L;

        SecretException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path keyFile;

    public SecretBox(Path keyFile) {
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
    }

    /** The box whose key lives in {@code dataDir}. */
    public static SecretBox inFolder(Path dataDir) {
        return new SecretBox(dataDir.resolve(KEY_FILE));
    }

    public Path keyFile() {
        return keyFile;
    }

    /** Encrypts {@code plain} for the setting {@code context}; creates the key file if there is none. */
    public String encrypt(String plain, String context) throws SecretException {
        byte[] key = key(true);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new SecretException("The password could not be encrypted (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    /** Decrypts a value made by {@link #encrypt} for the same {@code context}. */
    public String decrypt(String stored, String context) throws SecretException {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new SecretException("The saved password is not in a form this version can read.", null);
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretException("The saved password is damaged.", e);
        }
        if (all.length <= NONCE_BYTES) {
            throw new SecretException("The saved password is damaged.", null);
        }
        byte[] key = key(false);
        try {
            byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretException("The saved password cannot be decrypted with the key file " + keyFile
                    + " (it was saved on another computer or the key file was replaced); enter it again.", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] key(boolean create) throws SecretException {
        try {
            if (!Files.exists(keyFile)) {
                if (!create) {
                    throw new SecretException("The saved password cannot be decrypted on this computer: the key file "
                            + keyFile + " is missing; enter the password again.", null);
                }
                createKey();
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            if (key.length != KEY_BYTES) {
                throw new SecretException("The key file " + keyFile + " is damaged; delete it and enter the mail"
                        + " passwords again.", null);
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new SecretException("The key file " + keyFile + " could not be read or written (" + e.getMessage()
                    + ").", e);
        }
    }

    /** Writes a new key readable by the owner only; if another process made one first, that one is kept. */
    private void createKey() throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(dir, "key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "key", ".tmp");
        try {
            if (!posix) {
                ownerOnly(tmp);
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, keyFile);
            } catch (FileAlreadyExistsException raced) {
                // another process created it meanwhile: use theirs
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Windows and other ACL file systems: only the owner may touch the file. */
    private static void ownerOnly(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(file);
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
                        AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_NAMED_ATTRS,
                        AclEntryPermission.WRITE_NAMED_ATTRS, AclEntryPermission.READ_ACL, AclEntryPermission.WRITE_ACL,
                        AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE))
                .build()));
    }
}
