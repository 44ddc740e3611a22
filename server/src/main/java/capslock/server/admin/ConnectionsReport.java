package capslock.server.admin;

import capslock.server.ConnectionStats;
import capslock.server.ServerStats;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /connections}: the open connections, busiest first (by bytes queued for them), at most {@code limit} of
 * them with the total count, or the one from {@code peer}; and the server's running totals. What the admin page and
 * {@code demo --web} read; reading it changes nothing.
 */
final class ConnectionsReport {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private ConnectionsReport() {
    }

    static Map<String, Object> of(ServerStats stats, int limit, String peer) {
        List<ConnectionStats> chosen = stats.open().stream()
                .filter(c -> peer == null || peer.equals(format(c.peer())))
                .sorted(Comparator.comparingLong(ConnectionStats::queued).reversed()
                        .thenComparing(Comparator.comparingLong(ConnectionStats::bytesIn).reversed()))
                .limit(limit)
                .toList();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("open", stats.openCount());
        report.put("shown", chosen.size());
        report.put("limit", limit);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("accepted", stats.accepted());
        totals.put("bytesIn", stats.bytesIn());
        totals.put("bytesOut", stats.bytesOut());
        totals.put("readPauses", stats.readPauses());
        totals.put("pausedNow", stats.pausedNow());
        totals.put("queuedNow", stats.queuedNow());
        report.put("totals", totals);
        report.put("connections", chosen.stream().map(ConnectionsReport::connection).toList());
        return report;
    }

    private static Map<String, Object> connection(ConnectionStats c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("peer", format(c.peer()));
        row.put("ageSeconds", Math.round(c.seconds() * 1000) / 1000.0);
        row.put("bytesIn", c.bytesIn());
        row.put("bytesOut", c.bytesOut());
        row.put("queued", c.queued());
        row.put("peakQueued", c.peakQueued());
        row.put("writable", c.writable());
        row.put("readingPaused", c.paused());
        row.put("pauses", c.readPauses());
        row.put("pausedMs", Math.round(c.pausedNanos() / 1e3) / 1e3);
        return row;
    }

    /** {@code 127.0.0.1:54321}, {@code [::1]:54321}: how a peer is named here and asked for in {@code ?peer=}. */
    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
