package capslock.common.cli;

import capslock.common.Durations;
import capslock.common.Sizes;
import capslock.common.WaterMark;
import capslock.common.net.Transport;
import capslock.common.text.TextCharset;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for capslock's value types; each turns a parse error into a one-line message. */
public final class Converters {
    private Converters() {
    }

    private static <T> T convert(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** Sizes like {@code 64KiB}. */
    public static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(() -> Sizes.parse(value));
        }
    }

    /** A size that must be at least one byte. */
    public static final class PositiveSize implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long size = new Size().convert(value);
            if (size <= 0) {
                throw new TypeConversionException("'" + value + "' must be at least 1 byte");
            }
            return size;
        }
    }

    /** A positive size that fits an int, for buffer-sized options. */
    public static final class IntSize implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long size = new PositiveSize().convert(value);
            if (size > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large (at most 2 GiB - 1)");
            }
            return (int) size;
        }
    }

    /** A socket buffer size: 0 (leave it to the kernel) up to what an int holds. */
    public static final class SocketBuffer implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long size = new Size().convert(value);
            if (size > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large (at most 2 GiB - 1)");
            }
            return (int) size;
        }
    }

    /** {@code text} or {@code json}. */
    public static final class LogFormats implements ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            return Converters.convert(() -> LogFormat.parse(value));
        }
    }

    /** {@code LOW:HIGH}. */
    public static final class WaterMarks implements ITypeConverter<WaterMark> {
        @Override
        public WaterMark convert(String value) {
            return Converters.convert(() -> WaterMark.parse(value));
        }
    }

    /** TCP ports, 0 meaning "any free port". */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a port number");
            }
            if (port < 0 || port > 65535) {
                throw new TypeConversionException("port " + port + " is out of range (0-65535)");
            }
            return port;
        }
    }

    /** {@code auto|nio|epoll|io_uring}. */
    public static final class Transports implements ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            return Converters.convert(() -> Transport.parse(value));
        }
    }

    /** {@code ascii|utf-8}. */
    public static final class Charsets implements ITypeConverter<TextCharset> {
        @Override
        public TextCharset convert(String value) {
            return Converters.convert(() -> TextCharset.parse(value));
        }
    }

    /** Rates like {@code 200MB/s}. */
    public static final class Rate implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(() -> capslock.common.Rates.parse(value));
        }
    }

    /** Durations like {@code 5s}. */
    public static final class Durations implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Converters.convert(() -> capslock.common.Durations.parse(value));
        }
    }
}
