package capslock.client;

import capslock.common.cli.CapslockException;
import capslock.common.cli.ExitCodes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A file or standard input as the payload. A daemon thread reads ahead into a small bounded queue so
 * the event loop never blocks on input (a slow pipe must not freeze the stall detector).
 */
public final class StreamPayload implements Payload {
    private static final int READ_SIZE = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final Path file;
    private final long size;
    private final InputStream in;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    /** Standard input cannot be read twice: what was sent waits here until the reply has been checked. */
    private final ArrayDeque<byte[]> sentNotVerified;
    private final Thread reader;
    private volatile IOException failure;
    private byte[] current;
    private int offset;
    private boolean ended;

    private StreamPayload(Path file, InputStream in, long size) {
        this.file = file;
        this.in = in;
        this.size = size;
        this.sentNotVerified = file == null ? new ArrayDeque<>() : null;
        this.reader = new Thread(this::readAhead, "capslock-input");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code -} is standard input; anything else a file, which must exist and be readable. */
    public static StreamPayload open(String name, InputStream stdin) {
        if (name.equals("-")) {
            return new StreamPayload(null, stdin, -1);
        }
        Path path = Path.of(name);
        try {
            return new StreamPayload(path, Files.newInputStream(path), Files.size(path));
        } catch (NoSuchFileException e) {
            throw new CapslockException(ExitCodes.USAGE, "--input " + name + ": no such file");
        } catch (IOException e) {
            throw new CapslockException(ExitCodes.USAGE, "--input " + name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private void readAhead() {
        try (in) {
            byte[] buf = new byte[READ_SIZE];
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (n > 0) {
                    chunks.put(Arrays.copyOf(buf, n));
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            chunks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ByteBuf next(ByteBufAllocator alloc, int max) {
        if (current == null && !ended) {
            current = chunks.poll();
            offset = 0;
            if (current == END) {
                current = null;
                ended = true;
                if (failure != null) {
                    throw new UncheckedIOException("cannot read the input: " + failure.getMessage(), failure);
                }
            } else if (current != null && sentNotVerified != null) {
                sentNotVerified.add(current);
            }
        }
        if (current == null) {
            return null;
        }
        int n = Math.min(max, current.length - offset);
        ByteBuf buf = alloc.buffer(n).writeBytes(current, offset, n);
        offset += n;
        if (offset == current.length) {
            current = null;
        }
        return buf;
    }

    @Override
    public boolean exhausted() {
        return ended;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Replay replay() {
        return file != null ? new FileReplay(file) : new TeeReplay();
    }

    @Override
    public void close() {
        reader.interrupt();
    }

    /** Reads the file a second time. */
    private static final class FileReplay implements Replay {
        private final InputStream in;
        private final byte[] buf = new byte[READ_SIZE];

        FileReplay(Path file) {
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int read(ByteBuf dst, int max) {
            try {
                int n = in.read(buf, 0, Math.min(max, buf.length));
                if (n > 0) {
                    dst.writeBytes(buf, 0, n);
                }
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    /** Hands back what was sent from standard input, in order, and forgets it. */
    private final class TeeReplay implements Replay {
        private int consumed;

        @Override
        public int read(ByteBuf dst, int max) {
            byte[] head = sentNotVerified.peek();
            if (head == null) {
                return ended ? -1 : 0;
            }
            int n = Math.min(max, head.length - consumed);
            dst.writeBytes(head, consumed, n);
            consumed += n;
            if (consumed == head.length) {
                sentNotVerified.poll();
                consumed = 0;
            }
            return n;
        }

        @Override
        public void close() {
            sentNotVerified.clear();
        }
    }
}
