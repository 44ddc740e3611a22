package capslock.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.io.OutputStream;
import java.util.function.Consumer;

/** The client pipeline: monitor, then the chosen writer, then the reply handler. */
final class SendInitializer extends ChannelInitializer<Channel> {
    private final SendConfig config;
    private final Payload payload;
    private final Transfer transfer;
    private final ReplyVerifier verifier;
    private final OutputStream output;
    private final Consumer<Snapshot> samples;

    SendInitializer(SendConfig config, Payload payload, Transfer transfer, ReplyVerifier verifier, OutputStream output,
                    Consumer<Snapshot> samples) {
        this.config = config;
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
        PayloadWriter writer = config.writer() == WriterKind.NAIVE
                ? new NaiveWriter(payload, transfer, diagnosis, config.writeSize(), config.maxPending())
                : new WatermarkWriter(payload, transfer, diagnosis, config.writeSize(), config.maxPending());
        ch.pipeline().addLast(
                new TransferMonitor(transfer, diagnosis, config.stallTimeout(), config.maxPending(), samples),
                writer,
                new ReplyHandler(transfer, verifier, output, config.reader() == ReaderKind.AFTER));
    }
}
