package capslock.common.text;

import io.netty.buffer.ByteBuf;

/** Just enough UTF-8 structure to avoid splitting a sequence and to find the well-formed ones. */
public final class Utf8 {
    private Utf8() {
    }

    /** The length a lead byte announces: 1 for ASCII, 2–4 for a lead byte, 0 for anything else. */
    public static int sequenceLength(int b) {
        b &= 0xFF;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF. */
    public static boolean validSecond(int lead, int second) {
        lead &= 0xFF;
        second &= 0xFF;
        return switch (lead) {
            case 0xE0 -> second >= 0xA0 && second <= 0xBF;
            case 0xED -> second >= 0x80 && second <= 0x9F;
            case 0xF0 -> second >= 0x90 && second <= 0xBF;
            case 0xF4 -> second >= 0x80 && second <= 0x8F;
            default -> isContinuation(second);
        };
    }

    public static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * The length of the well-formed sequence at {@code index} (bytes up to {@code end}), or 0 if the byte
     * there does not start one — including a sequence cut short by {@code end}.
     */
    public static int wellFormedLength(ByteBuf buf, int index, int end) {
        int lead = buf.getByte(index) & 0xFF;
        int length = sequenceLength(lead);
        if (length <= 1 || index + length > end) {
            return length == 1 ? 1 : 0;
        }
        if (!validSecond(lead, buf.getByte(index + 1))) {
            return 0;
        }
        for (int i = 2; i < length; i++) {
            if (!isContinuation(buf.getByte(index + i))) {
                return 0;
            }
        }
        return length;
    }

    /**
     * Where to end a chunk of [start, end) so that it does not stop inside a sequence that more bytes
     * could still complete. Returns {@code end} when the tail is complete or can never become valid.
     */
    public static int safeEnd(ByteBuf buf, int start, int end) {
        for (int i = end - 1; i >= start && i >= end - 3; i--) {
            int b = buf.getByte(i) & 0xFF;
            if (isContinuation(b)) {
                continue;
            }
            int length = sequenceLength(b);
            if (length <= 1 || i + length <= end) {
                return end;
            }
            return isValidPrefix(buf, i, end) ? i : end;
        }
        return end;
    }

    private static boolean isValidPrefix(ByteBuf buf, int lead, int end) {
        if (lead + 1 < end && !validSecond(buf.getByte(lead), buf.getByte(lead + 1))) {
            return false;
        }
        for (int i = lead + 2; i < end; i++) {
            if (!isContinuation(buf.getByte(i))) {
                return false;
            }
        }
        return true;
    }
}
