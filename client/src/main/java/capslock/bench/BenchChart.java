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
 * {@code bench --chart}: two panels side by side, throughput against connections (with the per-connection
 * median beside it), and each row's throughput over time from its interval lines, warm-up marked.
 */
final class BenchChart {
    static final int PANEL_WIDTH = 800;

    private BenchChart() {
    }

    static void write(List<BenchRow> rows, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Chart<?, ?>> panels = List.of(againstConnections(rows), overTime(rows));
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
