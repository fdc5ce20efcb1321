package com.supportdesk.testing;

import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.DiskSpace;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A real H2 file on the real disk that runs out of space: H2's file-system extension point
 * ({@link FilePathWrapper}, registered under the prefix {@code quota:}) passes every read and write to the disk, but
 * a write that would make the files of the folder larger than its quota fails as a full disk does, with the
 * operating system's words "No space left on device". {@link #setQuota} frees space again.
 */
public final class QuotaDisk {

    static final String SCHEME = "quota";
    private static final Map<Path, Long> QUOTAS = new ConcurrentHashMap<>();

    static {
        FilePath.register(new QuotaPath());
    }

    private QuotaDisk() {
    }

    /** Opens the desk's database in {@code dir} through the quota (unlimited until {@link #setQuota}). */
    public static Store open(Path dir, Clock clock) {
        Path folder = dir.toAbsolutePath().normalize();
        QUOTAS.putIfAbsent(folder, Long.MAX_VALUE);
        String url = "jdbc:h2:" + SCHEME + ":" + folder.resolve(DataLocation.DB_NAME) + ";WRITE_DELAY=0";
        return new Store(Database.open(DataLocation.resolve(folder, url), clock, space()), new Passwords(1_000),
                ZoneOffset.UTC);
    }

    /** The space left, as the quota sees it, for the full-disk message. */
    public static DiskSpace space() {
        return folder -> {
            Long quota = QUOTAS.get(folder.toAbsolutePath().normalize());
            return quota == null || quota == Long.MAX_VALUE ? DiskSpace.SYSTEM.usableBytes(folder)
                    : Math.max(0, quota - used(folder));
        };
    }

    /** Lets the folder's files grow by {@code bytes} more from now on. */
    public static void leave(Path dir, long bytes) {
        Path folder = dir.toAbsolutePath().normalize();
        QUOTAS.put(folder, used(folder) + bytes);
    }

    /** Removes the limit. */
    public static void setQuota(Path dir, long quota) {
        QUOTAS.put(dir.toAbsolutePath().normalize(), quota);
    }

    static long used(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file system under the prefix {@code quota:}. H2 makes one per path with the public no-argument constructor. */
    public static final class QuotaPath extends FilePathWrapper {

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            FileChannel base = getBase().open(mode);
            Path file = Path.of(getBase().toString()).toAbsolutePath().normalize();
            return new QuotaChannel(base, file.getParent());
        }

        @Override
        public OutputStream newOutputStream(boolean append) throws IOException {
            // through the quota too (the wrapper's default writes to the base directly)
            return FilePath.newFileChannelOutputStream(open("rw"), append);
        }
    }

    /** Writes that grow the folder beyond its quota fail like a full disk; everything else goes to the disk. */
    static final class QuotaChannel extends FileBase {
        private final FileChannel base;
        private final Path folder;

        QuotaChannel(FileChannel base, Path folder) {
            this.base = base;
            this.folder = folder;
        }

        private void check(long position, int length) throws IOException {
            Long quota = QUOTAS.get(folder);
            if (quota == null || quota == Long.MAX_VALUE) {
                return;
            }
            long growth = position + length - base.size();
            if (growth > 0 && used(folder) + growth > quota) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check(base.position(), src.remaining());
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            check(position, src.remaining());
            return base.write(src, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
