package capslock.common.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format text|json}. logback starts with the text format ({@code logback.xml} picks its appender from the
 * context property {@value #PROPERTY}, unset at start-up); the option, once parsed, reconfigures logback with the
 * property set, before anything is logged.
 */
public enum LogFormat {
    TEXT, JSON;

    /** The logback context property {@code logback.xml} reads the format from. */
    static final String PROPERTY = "capslock.log.format";

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
        String effective = context.getProperty(PROPERTY);
        if (name.equals(effective == null ? "text" : effective)) {
            return; // already in effect
        }
        URL config = LogFormat.class.getResource("/logback.xml");
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty(PROPERTY, name);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
        }
    }
}
