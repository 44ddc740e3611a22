package capslock.client;

import capslock.common.text.TextCharset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;

/**
 * Checks the reply, as it streams in, against the uppercase of a second reading of the payload. It holds
 * only what has been replayed but not yet matched, never the whole payload. A payload that repeats one
 * ASCII unit (the book's message) is not replayed at all: the reply is compared with the unit's uppercase
 * at the same phase, word at a time, so verifying costs one pass over the reply.
 */
final class ReplyVerifier implements AutoCloseable {
    private static final int STEP = 64 * 1024;

    private final Payload.Replay replay;
    private final RepeatingText repeating;
    /** With a repeating payload: bytes the replay has said are due and the reply has not yet matched. */
    private int owed;
    private final TextCharset charset;
    private final ByteBufAllocator alloc = UnpooledByteBufAllocator.DEFAULT;
    /** Replayed bytes not yet uppercased: the start of a UTF-8 sequence whose rest has not been read. */
    private final ByteBuf raw = alloc.heapBuffer(STEP);
    private final ByteBuf expected = alloc.heapBuffer(STEP);
    private boolean replayEnded;
    private long verified;
    private long firstDifference = -1;
    private String problem;

    ReplyVerifier(Payload.Replay replay, TextCharset charset) {
        this.replay = replay;
        this.repeating = replay == null ? null : replay.repeating();
        this.charset = charset;
    }

    /** One that checks nothing, for measuring without verification ({@code bench --no-verify}). */
    static ReplyVerifier none() {
        return new ReplyVerifier(null, TextCharset.ASCII);
    }

    /** Checks the readable bytes of {@code reply}; false at the first wrong byte (see {@link #problem()}). */
    boolean check(ByteBuf reply) {
        if (replay == null) {
            verified += reply.readableBytes();
            return true;
        }
        int index = reply.readerIndex();
        int remaining = reply.readableBytes();
        while (remaining > 0) {
            int available = due();
            if (available == 0) {
                return fail(verified, "the reply is longer than expected: " + remaining + " extra byte(s) from offset "
                        + verified);
            }
            int n = Math.min(remaining, available);
            // Compared through NIO views: one leak-tracker record per call, not one per 8 bytes (paranoid tests).
            int i = repeating != null ? repeating.mismatch(reply, index, n, verified)
                    : expected.nioBuffer(expected.readerIndex(), n).mismatch(reply.nioBuffer(index, n));
            if (i >= 0) {
                long at = verified + i;
                byte wanted = repeating != null ? repeating.upperAt(at) : expected.getByte(expected.readerIndex() + i);
                byte got = reply.getByte(index + i);
                return fail(at, "the reply is not the payload uppercased: first difference at offset " + at + ": expected "
                        + describe(wanted) + ", received " + describe(got) + hint(wanted, got));
            }
            if (repeating != null) {
                owed -= n;
            } else {
                expected.skipBytes(n);
            }
            index += n;
            remaining -= n;
            verified += n;
        }
        return true;
    }

    /** At the end of the reply: false if bytes are still owed (a short reply). */
    boolean complete() {
        if (replay == null) {
            return true;
        }
        if (problem != null) {
            return false;
        }
        if (due() > 0) {
            return fail(verified, "the reply is short: it ended at offset " + verified + " but more was expected");
        }
        return true;
    }

    long verified() {
        return verified;
    }

    long firstDifference() {
        return firstDifference;
    }

    String problem() {
        return problem;
    }

    private boolean fail(long offset, String why) {
        firstDifference = offset;
        problem = why;
        return false;
    }

    /** How many expected bytes are ready to compare (replaying more if none are); 0 when nothing more is expected. */
    private int due() {
        if (repeating != null) {
            if (owed == 0) {
                owed = Math.max(0, replay.skip(STEP));
            }
            return owed;
        }
        return expected.isReadable() || refill() ? expected.readableBytes() : 0;
    }

    /** Replays and uppercases the next piece into {@code expected}; false when there is nothing more. */
    private boolean refill() {
        expected.clear();
        while (!expected.isReadable()) {
            int n = replayEnded ? -1 : replay.read(raw, STEP);
            if (n < 0) {
                replayEnded = true;
                if (!raw.isReadable()) {
                    return false;
                }
                upperCase(raw.readableBytes());
            } else if (n == 0) {
                return false;
            } else {
                int end = charset.safeEnd(raw, raw.readerIndex(), raw.writerIndex());
                if (end > raw.readerIndex()) {
                    upperCase(end - raw.readerIndex());
                }
            }
            raw.discardReadBytes();
        }
        return true;
    }

    private void upperCase(int length) {
        ByteBuf upper = charset.upperCase(raw.readRetainedSlice(length), alloc);
        try {
            expected.writeBytes(upper);
        } finally {
            upper.release();
        }
    }

    /** What a difference suggests about the server, when it suggests something. */
    private String hint(byte wanted, byte got) {
        if (got >= 'a' && got <= 'z' && got - ('a' - 'A') == wanted) {
            return " (the server did not uppercase it)";
        }
        if (charset == TextCharset.ASCII && (wanted < 0 || got < 0)) {
            // In ASCII mode non-ASCII bytes come back unchanged; a server that changed one uppercases Unicode.
            return " (the server seems to uppercase Unicode, as with --charset utf-8: send --charset utf-8 verifies that)";
        }
        return "";
    }

    private static String describe(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xFF);
    }

    @Override
    public void close() {
        raw.release();
        expected.release();
        if (replay != null) {
            replay.close();
        }
    }
}
