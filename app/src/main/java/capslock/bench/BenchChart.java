package capslock.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code bench --chart}: three panels side by side: throughput against connections (with the per-connection median
 * beside it), each row's throughput over time from its interval lines (warm-up marked), and each row's byte-latency
 * percentiles (or round-trip times) on a log scale.
 */
final class BenchChart {
    static final int PANEL_WIDTH = 800;

    private BenchChart() {
    }

    static void write(List<BenchRow> rows, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Chart<?, ?>> panels = List.of(againstConnections(rows), overTime(rows), latency(rows));
        // To a stream: given a file name, XChart appends ".png" to any name without it (and "/tmp" became "/tmp.png").
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(panels, 1, panels.size(), out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static CategoryChart againstConnections(List<BenchRow> rows) {
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(450)
                .title("capslock bench: throughput against connections").xAxisTitle("connections").yAxisTitle("MB/s").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> connections = rows.stream().map(r -> String.valueOf(r.connections())).toList();
        chart.addSeries("total", connections, rows.stream().map(BenchRow::megabytesPerSecond).toList());
        chart.addSeries("per connection (median)", connections, rows.stream().map(BenchRow::medianPerConnection).toList());
        if (rows.stream().anyMatch(r -> r.targetMegabytesPerSecond() != null)) {
            chart.addSeries("target (--rate)", connections, rows.stream()
                    .map(r -> r.targetMegabytesPerSecond() == null ? 0.0 : r.targetMegabytesPerSecond()).toList());
        }
        return chart;
    }

    /** p50, p99 and p99.9 per row, log scale: what each connection count costs in time. */
    private static CategoryChart latency(List<BenchRow> rows) {
        boolean rtt = rows.stream().allMatch(r -> r.mode().equals(BenchRow.RTT));
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(450)
                .title(rtt ? "round-trip time (log scale)" : "byte latency (log scale)").xAxisTitle("connections")
                .yAxisTitle("ms").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(10);
        List<BenchRow> measured = rows.stream().filter(r -> r.latency() != null && r.latency().p50Ms() != null).toList();
        if (measured.isEmpty()) {
            chart.addSeries("no latency measured", List.of("-"), List.of(1.0));
            return chart;
        }
        List<String> connections = measured.stream().map(r -> r.connections() + (r.mode().equals(BenchRow.RATE)
                ? " @ " + Math.round(r.targetMegabytesPerSecond()) + " MB/s" : "")).toList();
        chart.addSeries("p50", connections, measured.stream().map(r -> r.latency().p50Ms()).toList());
        chart.addSeries("p99", connections, measured.stream().map(r -> r.latency().p99Ms()).toList());
        chart.addSeries("p99.9", connections, measured.stream().map(r -> r.latency().p999Ms()).toList());
        return chart;
    }

    /** One line per row, seconds from the row's start; the warm-up's points (not counted) as hollow markers. */
    private static XYChart overTime(List<BenchRow> rows) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(450)
                .title("throughput over time (interval lines)").xAxisTitle("seconds into the row").yAxisTitle("MB/s").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        List<Double> warmupTimes = new ArrayList<>();
        List<Double> warmupRates = new ArrayList<>();
        for (BenchRow row : rows) {
            if (row.intervals().isEmpty()) {
                continue;
            }
            chart.addSeries(row.connections() + " conn", row.intervals().stream().map(BenchInterval::to).toList(),
                    row.intervals().stream().map(BenchInterval::megabytesPerSecond).toList());
            row.intervals().stream().filter(BenchInterval::warmup).forEach(i -> {
                warmupTimes.add(i.to());
                warmupRates.add(i.megabytesPerSecond());
            });
        }
        if (!warmupTimes.isEmpty()) {
            XYSeries warmup = chart.addSeries("warm-up (not counted)", warmupTimes, warmupRates);
            warmup.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            warmup.setMarker(SeriesMarkers.CIRCLE);
            warmup.setMarkerColor(java.awt.Color.GRAY);
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no interval lines", new double[] {0}, new double[] {0});
        }
        return chart;
    }
}
