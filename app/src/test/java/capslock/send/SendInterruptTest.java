package capslock.send;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.CapslockJvm;
import capslock.common.testing.Eventually;
import capslock.server.CapslockServer;
import capslock.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capslock send} stopped by a real SIGTERM (what Ctrl-C's SIGINT also does; SIGINT itself cannot be tested
 * here: a job started in the background, as CI's may be, inherits SIGINT ignored, and the JVM then leaves it so), in a
 * JVM of its own against the real server: it reports what it sent and measured until then and exits 130.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SendInterruptTest {
    private CapslockServer server;
    private CapslockJvm send;

    @AfterEach
    void stop() {
        if (send != null) {
            send.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sigtermEndsTheTransferWithItsSummaryAndExitCode130(@TempDir Path dir) throws Exception {
        server = CapslockServer.start(ServerConfig.loopback());
        // 1 GiB at 2 MB/s would take nine minutes: only the signal can end it within the test's time.
        send = CapslockJvm.start(dir, "send", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                "--bytes", "1GiB", "--write-size", "64KiB", "--rate", "2MB/s", "--quiet");
        Process process = send.process();
        Eventually.await("the server has answered part of the payload", Duration.ofSeconds(30),
                () -> server.stats().bytesOut() >= 128 * 1024 || !process.isAlive());
        assertThat(process.isAlive()).as(send.err()).isTrue();

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("send ended within 30 s of SIGTERM").isTrue();

        String report = send.out();
        assertThat(process.exitValue()).as(report + send.err()).isEqualTo(130);
        assertThat(report).contains("capslock send: interrupted by SIGTERM after ")
                .containsPattern("  sent / received     [1-9][0-9,]* B / [1-9][0-9,]* B in ")
                .containsPattern("  byte latency        p50 [0-9.]+ m?s, p90 ")
                .contains("  outcome             interrupted (exit code 130)");
        assertThat(send.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
