package capslock.demo;

import capslock.client.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The demo's chart: one panel per scenario, bytes written and received over time on the left axis, bytes
 * queued in the client on the right (its own scale: it is tiny when backpressure works), and a marker
 * under every sample taken while the channel was unwritable; a last panel compares the peak queues.
 */
final class DemoChart {
    private static final double MIB = 1024 * 1024;

    private DemoChart() {
    }

    static void write(List<ScenarioResult> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (ScenarioResult result : results) {
            panels.add(panel(result));
        }
        panels.add(peaks(results));
        int columns = 2;
        int rows = (panels.size() + columns - 1) / columns;
        // To a stream: given a file name, XChart appends ".png" to any name without it (and "/tmp" became "/tmp.png").
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(panels, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static XYChart panel(ScenarioResult result) {
        XYChart chart = new XYChartBuilder().width(640).height(360)
                .title(result.scenario().number() + ". " + result.scenario().label + ": " + result.summary().outcome().replace('_', ' '))
                .xAxisTitle("seconds").yAxisTitle("MiB on the wire").build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(13f));
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setMarkerSize(4);

        List<Snapshot> samples = result.samples().isEmpty() ? List.of(emptySample()) : result.samples();
        int n = samples.size();
        // The queue is tiny when backpressure works: KiB then, so the right axis stays readable.
        long peakQueued = samples.stream().mapToLong(Snapshot::payloadQueued).max().orElse(0);
        double queueUnit = peakQueued < MIB ? 1024 : MIB;
        String queueLabel = peakQueued < MIB ? "KiB" : "MiB";
        double[] t = new double[n];
        double[] written = new double[n];
        double[] received = new double[n];
        double[] queued = new double[n];
        List<Double> unwritableT = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Snapshot s = samples.get(i);
            t[i] = s.seconds();
            written[i] = s.written() / MIB;
            received[i] = s.received() / MIB;
            queued[i] = s.payloadQueued() / queueUnit;
            if (!s.writable()) {
                unwritableT.add(s.seconds());
            }
        }
        line(chart.addSeries("written to socket", t, written));
        line(chart.addSeries("received", t, received));
        XYSeries queue = chart.addSeries("queued in client (" + queueLabel + ", right axis)", t, queued);
        line(queue);
        queue.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, queueLabel + " queued in client");
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        if (!unwritableT.isEmpty()) {
            double[] x = unwritableT.stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries marks = chart.addSeries("channel unwritable", x, new double[x.length]);
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.DIAMOND);
        }
        return chart;
    }

    /** The last panel: what each scenario cost in memory, client and server side, on a log scale. */
    private static CategoryChart peaks(List<ScenarioResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(360)
                .title("peak bytes queued (log scale)").xAxisTitle("scenario").yAxisTitle("bytes").build();
        chart.getStyler().setYAxisLogarithmic(true);
        // Bars start at zero, which a log axis cannot show: draw the peaks as points.
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(12);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        List<String> names = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (ScenarioResult r : results) {
            names.add(String.valueOf(r.scenario().number()));
            client.add((double) Math.max(1, r.summary().peakQueuedPayload()));
            server.add((double) Math.max(1, r.serverPeakQueued() == null ? 0 : r.serverPeakQueued()));
        }
        chart.addSeries("client (payload)", names, client);
        chart.addSeries("server (this connection)", names, server);
        return chart;
    }

    private static void line(XYSeries series) {
        series.setMarker(SeriesMarkers.NONE);
    }

    private static Snapshot emptySample() {
        return new Snapshot(0, 0, 0, 0, 0, 0, true, false);
    }
}
