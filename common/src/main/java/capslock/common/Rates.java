package capslock.common;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints byte rates such as {@code 200MB/s}, {@code 1.5GB/s}, {@code 64KiB/s} or {@code 10Gbit/s}: MB
 * and GB are decimal (10^6, 10^9 bytes, as throughput figures are), KiB, MiB and GiB binary, bits are an eighth of
 * a byte; "/s" may be left out.
 */
public final class Rates {
    private static final Pattern RATE = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|kib|mib|gib|bit|kbit|mbit|gbit)?(?:/s|ps)?", Pattern.CASE_INSENSITIVE);

    private Rates() {
    }

    /** Bytes per second, at least 1. */
    public static long parse(String text) {
        Matcher m = RATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate (examples: 200MB/s, 1.5GB/s, 64KiB/s, 10Gbit/s)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        double bytes = value * switch (unit) {
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            case "bit" -> 1 / 8.0;
            case "kbit" -> 1e3 / 8;
            case "mbit" -> 1e6 / 8;
            case "gbit" -> 1e9 / 8;
            default -> 1.0;
        };
        if (bytes < 1) {
            throw new IllegalArgumentException("'" + text + "' is below one byte per second");
        }
        if (bytes > 1e15) {
            throw new IllegalArgumentException("'" + text + "' is too high a rate");
        }
        return Math.round(bytes);
    }

    /**
     * {@code 200.0 MB/s}: payload megabytes per second, 1 MB = 10^6 bytes; below 0.1 MB/s, where that would round
     * away, in kB/s ({@code 5.0 kB/s}) or bytes ({@code 5 B/s}).
     */
    public static String format(long bytesPerSecond) {
        if (bytesPerSecond >= 100_000) {
            return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
        }
        return bytesPerSecond >= 1000 ? String.format(Locale.ROOT, "%.1f kB/s", bytesPerSecond / 1e3) : bytesPerSecond + " B/s";
    }
}
