package capslock.common.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class when Netty's leak detector reports a leaked buffer during it. Registered for every
 * test by auto-detection; surefire runs the whole suite with {@code io.netty.leakDetection.level=paranoid}.
 */
public final class LeakGuard implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> LEAKS = new ArrayList<>();
    private static final String APPENDER = "capslock-leak-guard";

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = detectNow();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " buffer leak(s) reported by Netty during "
                    + context.getDisplayName() + "; first:\n" + leaks.get(0));
        }
    }

    /** Collects what is unreachable and gives the detector a chance to report it; returns and clears the reports. */
    public static List<String> detectNow() {
        install();
        for (int round = 0; round < 3; round++) {
            System.gc();
            System.runFinalization();
            // The detector reports on the next tracked allocation, so make a few.
            for (int i = 0; i < 64; i++) {
                ByteBuf a = PooledByteBufAllocator.DEFAULT.directBuffer(8);
                ByteBuf b = UnpooledByteBufAllocator.DEFAULT.heapBuffer(8);
                a.release();
                b.release();
            }
        }
        synchronized (LEAKS) {
            List<String> copy = new ArrayList<>(LEAKS);
            LEAKS.clear();
            return copy;
        }
    }

    /** Attaches the listening appender, again if a test reconfigured logback (which drops appenders). */
    public static synchronized void install() {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        if (logger.getAppender(APPENDER) != null) {
            return;
        }
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getFormattedMessage().contains("LEAK")) {
                    synchronized (LEAKS) {
                        LEAKS.add(event.getFormattedMessage());
                    }
                }
            }
        };
        appender.setName(APPENDER);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }
}
