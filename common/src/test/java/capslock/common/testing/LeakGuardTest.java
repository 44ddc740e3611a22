package capslock.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class LeakGuardTest {

    @Test
    void aDroppedBufferIsReported() {
        leakOne();
        assertThat(LeakGuard.detectNow()).anySatisfy(report -> assertThat(report).contains("LEAK"));
    }

    @Test
    void releasedBuffersAreNotReported() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        buf.writeLong(1);
        buf.release();
        assertThat(LeakGuard.detectNow()).isEmpty();
    }

    private static void leakOne() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        buf.writeLong(42); // never released, on purpose
    }
}
