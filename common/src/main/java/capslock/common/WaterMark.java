package capslock.common;

import io.netty.channel.WriteBufferWaterMark;

/** The LOW:HIGH pair Netty compares a channel's queued outbound bytes with to flip its writability. */
public record WaterMark(int low, int high) {
    /** Netty's own defaults, as picocli's default values take them. */
    public static final String DEFAULT = "32KiB:64KiB";

    public WaterMark {
        if (low < 0 || high <= 0) {
            throw new IllegalArgumentException("water marks must be positive");
        }
        if (low > high) {
            throw new IllegalArgumentException("low water mark " + Sizes.format(low)
                    + " is above the high water mark " + Sizes.format(high));
        }
    }

    /** {@value #DEFAULT}. */
    public static WaterMark defaults() {
        return parse(DEFAULT);
    }

    public static WaterMark parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not LOW:HIGH (example: 32KiB:64KiB)");
        }
        return new WaterMark(toInt(Sizes.parse(parts[0])), toInt(Sizes.parse(parts[1])));
    }

    private static int toInt(long size) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("water marks must be below 2 GiB");
        }
        return (int) size;
    }

    public WriteBufferWaterMark toNetty() {
        return new WriteBufferWaterMark(low, high);
    }

    @Override
    public String toString() {
        return Sizes.format(low) + ":" + Sizes.format(high);
    }
}
