package capslock.client;

import io.netty.channel.Channel;

/**
 * The book's writer: never looks at writability, so whatever the socket does not take piles up in memory. It produces
 * a whole MiB per turn of the event loop, as a loop of writes in a handler would; it yields between turns only so that
 * this client can still read, sample and detect a stall.
 */
final class NaiveWriter extends PayloadWriter {
    NaiveWriter(Payload payload, Transfer transfer, Diagnosis diagnosis, SendConfig config, boolean loopSleepsPrecisely) {
        super(payload, transfer, diagnosis, config, loopSleepsPrecisely, 1 << 20, Integer.MAX_VALUE);
    }

    @Override
    protected boolean mayWrite(Channel channel) {
        return true;
    }
}
