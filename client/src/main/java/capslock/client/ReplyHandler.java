package capslock.client;

import capslock.common.Errors;
import capslock.common.Sizes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Takes the reply: counts it (which answers latency marks), verifies it as it streams in, copies it to
 * {@code --output}, and decides the outcome when the server closes the connection.
 */
final class ReplyHandler extends ChannelInboundHandlerAdapter {
    private final Transfer transfer;
    private final ReplyVerifier verifier;
    private final OutputStream output;

    ReplyHandler(Transfer transfer, ReplyVerifier verifier, OutputStream output) {
        this.transfer = transfer;
        this.verifier = verifier;
        this.output = output;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws IOException {
        ByteBuf reply = (ByteBuf) msg;
        try {
            int n = reply.readableBytes();
            transfer.received(n);
            if (transfer.finished()) {
                return; // stopped already (stall, guard, mismatch): the rest is not looked at
            }
            if (!verifier.check(reply)) {
                transfer.finish(Outcome.VERIFY_FAILED, s -> verifier.problem());
            } else if (output != null) {
                reply.readBytes(output, n);
            }
        } finally {
            reply.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        String outputProblem = closeOutput();
        if (!transfer.isSendDone()) {
            transfer.finish(Outcome.FAILED, s -> "the server closed the connection after " + Sizes.grouped(s.written())
                    + " B had been sent, before the end of the payload");
        } else if (!verifier.complete()) {
            transfer.finish(Outcome.VERIFY_FAILED, s -> verifier.problem());
        } else if (outputProblem != null) {
            transfer.finish(Outcome.FAILED, s -> outputProblem);
        } else {
            transfer.finish(Outcome.COMPLETED, s -> "every byte came back uppercased, in order");
        }
        verifier.close();
        ctx.fireChannelInactive();
    }

    private String closeOutput() {
        if (output == null) {
            return null;
        }
        try {
            output.close();
            return null;
        } catch (IOException e) {
            return "cannot write the output: " + e.getMessage();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        transfer.finish(Outcome.FAILED, s -> "connection failed: " + Errors.describe(cause));
    }
}
