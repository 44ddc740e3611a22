package capslock.common.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format text|json}: logback reads {@code CAPSLOCK_LOG_FORMAT} by itself at start-up; the
 * option, parsed later, reconfigures it with the same variable set, so both ways give the same output.
 */
public enum LogFormat {
    TEXT, JSON;

    public static LogFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("'" + text + "' is not a log format (text or json)");
        };
    }

    /** Switches the running logback configuration to this format. */
    public void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        String name = name().toLowerCase(Locale.ROOT);
        String effective = context.getProperty("CAPSLOCK_LOG_FORMAT");
        if (effective == null) {
            effective = System.getenv().getOrDefault("CAPSLOCK_LOG_FORMAT", "text");
        }
        if (name.equalsIgnoreCase(effective.trim())) {
            return; // already in effect
        }
        URL config = LogFormat.class.getResource("/logback.xml");
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty("CAPSLOCK_LOG_FORMAT", name);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
        }
    }
}
