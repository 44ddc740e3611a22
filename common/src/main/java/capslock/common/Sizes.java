package capslock.common;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints byte sizes such as {@code 1024}, {@code 64KiB}, {@code 1m}, {@code 1GiB}. */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    /** Binary units only: {@code k}, {@code KiB} and {@code KB} all mean 1024, as socket buffer sizes do. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 1024, 64KiB, 1MiB, 1GiB)");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        try {
            long value = Long.parseLong(m.group(1));
            if (value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a size");
        }
    }

    /** Exact where it can be ({@code 64 KiB}), one decimal where it can't ({@code 1.5 MiB}). */
    public static String format(long bytes) {
        int unit = 0;
        double value = bytes;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%d %s", (long) value, UNITS[unit]);
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Thousands separators, for counts a reader compares digit by digit. */
    public static String grouped(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    /** Payload megabytes per second, 1 MB = 10^6 bytes (iperf3's convention). */
    public static double megabytesPerSecond(long bytes, double seconds) {
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
}
