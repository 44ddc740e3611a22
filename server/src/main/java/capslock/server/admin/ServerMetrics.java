package capslock.server.admin;

import capslock.server.CapslockServer;
import capslock.server.CloseReason;
import capslock.server.ServerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;

/** The server's counters, the JVM's and Netty's allocator's, in a Prometheus registry read at scrape time. */
public final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics(CapslockServer server) {
        ServerStats stats = server.stats();
        Gauge.builder("capslock.connections.open", stats, ServerStats::openCount)
                .description("Connections open now").register(registry);
        FunctionCounter.builder("capslock.connections.accepted", stats, ServerStats::accepted)
                .description("Connections accepted and admitted").register(registry);
        FunctionCounter.builder("capslock.connections.refused", server.connectionLimit(), l -> l.refused())
                .description("Connections closed at once past --max-connections").register(registry);
        FunctionCounter.builder("capslock.connections.reaped", stats, s -> s.closed(CloseReason.IDLE_TIMEOUT))
                .description("Connections closed by --idle-timeout").register(registry);
        for (CloseReason reason : CloseReason.values()) {
            FunctionCounter.builder("capslock.connections.closed", stats, s -> s.closed(reason)).tag("reason", reason.label())
                    .description("Connections closed, by reason").register(registry);
        }
        FunctionCounter.builder("capslock.received", stats, ServerStats::bytesIn).baseUnit("bytes")
                .description("Bytes read from clients").register(registry);
        FunctionCounter.builder("capslock.sent", stats, ServerStats::bytesOut).baseUnit("bytes")
                .description("Bytes written back to clients").register(registry);
        FunctionCounter.builder("capslock.read.pauses", stats, ServerStats::readPauses)
                .description("Times reading was paused for backpressure").register(registry);
        Gauge.builder("capslock.connections.paused", stats, ServerStats::pausedNow)
                .description("Connections whose reading is paused now").register(registry);
        Gauge.builder("capslock.queued", stats, ServerStats::queuedNow).baseUnit("bytes")
                .description("Bytes queued in outbound buffers (sampled per read batch)").register(registry);
        Gauge.builder("capslock.ready", server, s -> s.isReady() ? 1 : 0)
                .description("1 while listening and not draining").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
            new NettyAllocatorMetrics(provider).bindTo(registry);
        }
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
