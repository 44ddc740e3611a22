package capslock.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pacer hands a due task to its event loop, never earlier than asked, and drops it if the loop has gone. */
class PacerTest {

    @Test
    void aTaskRunsOnItsEventLoopNoSoonerThanItIsDue() throws Exception {
        EventLoop loop = new DefaultEventLoop();
        try {
            long delay = TimeUnit.MILLISECONDS.toNanos(20);
            CompletableFuture<Long> ranAfter = new CompletableFuture<>();
            long start = System.nanoTime();
            Pacer.runLater(loop, () -> ranAfter.complete(loop.inEventLoop() ? System.nanoTime() - start : -1L), delay);

            assertThat(ranAfter.get(10, TimeUnit.SECONDS)).as("on the loop, after the delay").isGreaterThanOrEqualTo(delay);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void aTaskWhoseLoopShutDownMeanwhileIsDropped() throws Exception {
        EventLoop gone = new DefaultEventLoop();
        CompletableFuture<Boolean> ranOnGone = new CompletableFuture<>();
        Pacer.runLater(gone, () -> ranOnGone.complete(true), TimeUnit.MILLISECONDS.toNanos(200));
        gone.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();

        EventLoop loop = new DefaultEventLoop();
        try {
            CompletableFuture<Boolean> later = new CompletableFuture<>();
            Pacer.runLater(loop, () -> later.complete(true), TimeUnit.MILLISECONDS.toNanos(400)); // after the other was due
            assertThat(later.get(10, TimeUnit.SECONDS)).as("the pacer still runs tasks").isTrue();
            assertThat(ranOnGone).as("the task of the loop that shut down").isNotDone();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
