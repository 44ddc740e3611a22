package capslock.client;

import io.netty.channel.Channel;

/** The book's writer: never looks at writability, so whatever the socket does not take piles up in memory. */
final class NaiveWriter extends PayloadWriter {
    NaiveWriter(Payload payload, Transfer transfer, Diagnosis diagnosis, int writeSize, long maxPending) {
        super(payload, transfer, diagnosis, writeSize, maxPending);
    }

    @Override
    protected boolean mayWrite(Channel channel) {
        return true;
    }
}
