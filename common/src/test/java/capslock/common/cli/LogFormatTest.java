package capslock.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --log-format json}: one JSON object per line with the formatted message, for log collectors. */
class LogFormatTest {
    private final PrintStream originalOut = System.out;

    @AfterEach
    void restore() throws Exception {
        System.setOut(originalOut);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig(); // back to logback-test.xml
    }

    @Test
    void jsonIsOneObjectPerLineWithTheFormattedMessage() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogFormat.JSON.apply();
        LoggerFactory.getLogger("capslock.test").info("{} connection(s) drained", 3);

        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[0]);
        assertThat(event.get("level").asText()).isEqualTo("INFO");
        assertThat(event.get("loggerName").asText()).isEqualTo("capslock.test");
        assertThat(event.get("formattedMessage").asText()).isEqualTo("3 connection(s) drained");
    }

    @Test
    void onlyTextAndJsonAreFormats() {
        assertThat(LogFormat.parse("JSON")).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessageContaining("text or json");
    }
}
