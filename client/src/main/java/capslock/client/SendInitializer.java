package capslock.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.io.OutputStream;
import java.util.function.Consumer;

/** The client pipeline, named as in {@link SendPipeline}: monitor → writer → read control → reply handler. */
final class SendInitializer extends ChannelInitializer<Channel> {
    private final SendConfig config;
    private final Payload payload;
    private final Transfer transfer;
    private final ReplyVerifier verifier;
    private final OutputStream output;
    private final Consumer<Snapshot> samples;
    private final boolean loopSleepsPrecisely;

    /**
     * {@code loopSleepsPrecisely}: the transport's event loop sleeps until a task under a millisecond ahead is due
     * ({@link capslock.common.net.TransportFactory#sleepsUnderAMillisecond()}), so paced writers need no pacer.
     */
    SendInitializer(SendConfig config, boolean loopSleepsPrecisely, Payload payload, Transfer transfer,
                    ReplyVerifier verifier, OutputStream output, Consumer<Snapshot> samples) {
        this.config = config;
        this.loopSleepsPrecisely = loopSleepsPrecisely;
        this.payload = payload;
        this.transfer = transfer;
        this.verifier = verifier;
        this.output = output;
        this.samples = samples;
    }

    @Override
    protected void initChannel(Channel ch) {
        transfer.attach(ch);
        Diagnosis diagnosis = new Diagnosis(config);
        ChannelPipeline p = ch.pipeline();
        p.addLast(SendPipeline.MONITOR, new TransferMonitor(transfer, diagnosis, config.stallTimeout(), config.maxPending(),
                config.reader() == ReaderKind.CONCURRENT && config.measuresLatency(), samples));
        p.addLast(SendPipeline.WRITER, config.writer() == WriterKind.NAIVE
                ? new NaiveWriter(payload, transfer, diagnosis, config, loopSleepsPrecisely)
                : new WatermarkWriter(payload, transfer, diagnosis, config, loopSleepsPrecisely));
        p.addLast(SendPipeline.READ_CONTROL, new ReadControl(config, transfer));
        p.addLast(SendPipeline.REPLY, new ReplyHandler(transfer, verifier, output));
    }
}
