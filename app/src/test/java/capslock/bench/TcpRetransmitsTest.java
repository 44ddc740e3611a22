package capslock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading RetransSegs out of /proc/net/snmp's layout: a header line of names, then a line of values. */
class TcpRetransmitsTest {
    @Test
    void theRetransSegsColumnIsReadByItsName() {
        List<String> snmp = List.of(
                "Ip: Forwarding DefaultTTL",
                "Ip: 1 64",
                "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors",
                "Tcp: 1 200 120000 -1 61995 60394 1310 16350 0 611297660 610791938 515563 0 9765 0",
                "Udp: InDatagrams",
                "Udp: 5");
        assertThat(TcpRetransmits.parse(snmp)).isEqualTo(515_563);
    }

    @Test
    void anotherLayoutReadsAsUnknown() {
        assertThat(TcpRetransmits.parse(List.of("Tcp: InSegs OutSegs", "Tcp: 1 2"))).isEqualTo(-1);
        assertThat(TcpRetransmits.parse(List.of())).isEqualTo(-1);
    }
}
