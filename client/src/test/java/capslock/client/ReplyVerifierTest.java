package capslock.client;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.text.TextCharset;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Streaming verification: the offset of the first wrong byte, short and long replies, UTF-8 replays. */
class ReplyVerifierTest {

    private static boolean check(ReplyVerifier verifier, String reply) {
        ByteBuf buf = Unpooled.copiedBuffer(reply, StandardCharsets.UTF_8);
        try {
            return verifier.check(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void aCorrectReplyInAnyPiecesPasses() {
        try (BookPayload payload = new BookPayload(40); ReplyVerifier verifier = new ReplyVerifier(payload.replay(), TextCharset.ASCII)) {
            assertThat(check(verifier, "CAPITALIZE")).isTrue();
            assertThat(check(verifier, " THIS!CAPITALIZE THIS!CAPITALIZE THIS!")).isTrue();
            assertThat(verifier.complete()).isTrue();
            assertThat(verifier.verified()).isEqualTo(48);
        }
    }

    @Test
    void theFirstWrongByteIsReportedByOffset() {
        try (BookPayload payload = new BookPayload(32); ReplyVerifier verifier = new ReplyVerifier(payload.replay(), TextCharset.ASCII)) {
            assertThat(check(verifier, "CAPITALIZE THIS!CAPI")).isTrue();
            assertThat(check(verifier, "taLIZE THIS!")).isFalse();
            assertThat(verifier.firstDifference()).isEqualTo(20);
            assertThat(verifier.problem()).contains("offset 20").contains("expected 'T'").contains("received 't'")
                    .contains("the server did not uppercase it");
        }
    }

    /** A server started with --charset utf-8 turns ß into SS: in ASCII mode the reply differs at the ß, and the message says why. */
    @Test
    void aReplyUppercasedAsUnicodeSaysSoAndNamesTheOption() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("capslock-notes", ".txt");
        java.nio.file.Files.writeString(file, "Straße!\n", StandardCharsets.UTF_8);
        try (Payload payload = StreamPayload.open(file.toString(), System.in);
             ReplyVerifier verifier = new ReplyVerifier(payload.replay(), TextCharset.ASCII)) {
            assertThat(check(verifier, "STRASSE!\n")).isFalse();
            assertThat(verifier.firstDifference()).isEqualTo(4);
            assertThat(verifier.problem()).isEqualTo("the reply is not the payload uppercased: first difference at offset 4: "
                    + "expected 0xc3, received 'S' (the server seems to uppercase Unicode, as with --charset utf-8: "
                    + "send --charset utf-8 verifies that)");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void aShortReplyIsReportedWhereItEnded() {
        try (BookPayload payload = new BookPayload(32); ReplyVerifier verifier = new ReplyVerifier(payload.replay(), TextCharset.ASCII)) {
            assertThat(check(verifier, "CAPITALIZE THIS!")).isTrue();
            assertThat(verifier.complete()).isFalse();
            assertThat(verifier.firstDifference()).isEqualTo(16);
            assertThat(verifier.problem()).contains("short");
        }
    }

    @Test
    void aLongReplyIsReported() {
        try (BookPayload payload = new BookPayload(16); ReplyVerifier verifier = new ReplyVerifier(payload.replay(), TextCharset.ASCII)) {
            assertThat(check(verifier, "CAPITALIZE THIS!!")).isFalse();
            assertThat(verifier.firstDifference()).isEqualTo(16);
            assertThat(verifier.problem()).contains("longer");
        }
    }

    @Test
    void utf8ReplaysAreUppercasedByCodePointEvenWhenTheLengthChanges() {
        Payload.Replay replay = new Payload.Replay() {
            private boolean done;

            @Override
            public int read(ByteBuf dst, int max) {
                if (done) {
                    return -1;
                }
                done = true;
                return dst.writeCharSequence("straße ǆ", StandardCharsets.UTF_8);
            }

            @Override
            public void close() {
            }
        };
        try (ReplyVerifier verifier = new ReplyVerifier(replay, TextCharset.UTF_8)) {
            assertThat(check(verifier, "STRASSE Ǆ")).isTrue();
            assertThat(verifier.complete()).isTrue();
        }
    }
}
