package capslock.client;

/** The names of the handlers in a client connection's pipeline, in pipeline order. */
public final class SendPipeline {
    /** {@link TransferMonitor}: samples, stall detector, memory guard. */
    public static final String MONITOR = "capslock.monitor";
    /** The {@link NaiveWriter} or {@link WatermarkWriter}. */
    public static final String WRITER = "capslock.writer";
    /** {@link ReadControl}: when, and how fast, the client reads. */
    public static final String READ_CONTROL = "capslock.readControl";
    /** {@link ReplyHandler}: counts, verifies, decides the outcome. */
    public static final String REPLY = "capslock.reply";

    private SendPipeline() {
    }
}
