package capslock.demo;

import capslock.client.Snapshot;
import java.awt.Color;
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
 * The demo's chart, what the web view shows live, drawn once the runs are over: a panel per run, with bytes written
 * to the socket and received (left axis), the bytes queued in the client and in the server for that connection (right
 * axis, its own scale), and shaded bands where the client's channel was unwritable and where the server had paused
 * reading, each as the share of every 50 ms interval it lasted; then the longest wait of any byte over time, every run
 * on one log scale; then the peak queues. Legends sit under the plots, off the data.
 */
final class DemoChart {
    private static final double MIB = 1024 * 1024;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 420;
    private static final Color UNWRITABLE = new Color(214, 39, 40, 50);
    private static final Color PAUSED = new Color(31, 119, 180, 45);
    private static final Color WRITTEN = new Color(31, 70, 160);
    private static final Color RECEIVED = new Color(44, 160, 44);
    private static final Color CLIENT_QUEUE = new Color(255, 127, 14);
    private static final Color SERVER_QUEUE = new Color(148, 103, 189);

    private DemoChart() {
    }

    static void write(List<RunResult> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            panels.add(panel(i + 1, results.get(i)));
        }
        panels.add(received(results));
        panels.add(latency(results));
        panels.add(peaks(results));
        int columns = panels.size() % 2 == 0 ? 2 : 1; // XChart's grid must be exactly full
        int rows = (panels.size() + columns - 1) / columns;
        // To a stream: given a file name, XChart appends ".png" to any name without it.
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(panels, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** A run's panel: its few, short legend entries in a row under the plot. */
    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(13f));
        styler.setLegendFont(styler.getLegendFont().deriveFont(10f));
    }

    /** A panel with every run: one legend entry per run, in a column beside the plot. */
    private static void styleAllRuns(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(13f));
        styler.setLegendFont(styler.getLegendFont().deriveFont(10f));
    }

    private static XYChart panel(int number, RunResult result) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(number + ". " + result.label() + ": " + result.summary().outcome().label())
                .xAxisTitle("seconds").yAxisTitle("MiB on the wire").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        List<Point> points = new ArrayList<>(result.points());
        if (points.isEmpty()) {
            points.add(new Point(Snapshot.start(), null));
        }
        int n = points.size();
        long peak = 1;
        for (Point p : points) {
            peak = Math.max(peak, Math.max(p.client().peakQueued(), p.server() == null ? 0 : p.server().queued()));
        }
        double unit = peak < MIB ? 1024 : MIB;
        String unitName = peak < MIB ? "KiB" : "MiB";
        double[] t = new double[n];
        double[] written = new double[n];
        double[] received = new double[n];
        double[] clientQueue = new double[n];
        double[] serverQueue = new double[n];
        double[] unwritable = new double[n];
        double[] paused = new double[n];
        boolean serverSeen = false;
        double top = 0;
        for (int i = 0; i < n; i++) {
            Snapshot s = points.get(i).client();
            t[i] = s.seconds();
            written[i] = s.written() / MIB;
            received[i] = s.received() / MIB;
            top = Math.max(top, written[i]);
            clientQueue[i] = s.peakQueued() / unit;
            ServerSample server = points.get(i).server();
            serverSeen |= server != null;
            serverQueue[i] = server == null ? 0 : server.queued() / unit;
        }
        top = Math.max(top, 1e-3);
        for (int i = 0; i < n; i++) {
            double interval = i == 0 ? t[0] : t[i] - t[i - 1];
            Snapshot s = points.get(i).client();
            ServerSample server = points.get(i).server();
            unwritable[i] = top * Point.share(s.unwritableSeconds(), interval, !s.writable());
            paused[i] = server == null ? 0 : top * Point.share(server.pausedSeconds(), interval, server.paused());
        }
        band(chart.addSeries("client unwritable", t, unwritable), UNWRITABLE);
        if (serverSeen) {
            band(chart.addSeries("server paused reading", t, paused), PAUSED);
        }
        line(chart.addSeries("written", t, written), WRITTEN);
        line(chart.addSeries("received", t, received), RECEIVED);
        XYSeries client = chart.addSeries("client queue (right)", t, clientQueue);
        line(client, CLIENT_QUEUE);
        client.setYAxisGroup(1);
        if (serverSeen) {
            XYSeries server = chart.addSeries("server queue (right)", t, serverQueue);
            line(server, SERVER_QUEUE);
            server.setYAxisGroup(1);
        }
        chart.setYAxisGroupTitle(1, unitName + " queued");
        return chart;
    }


    /** Every run's bytes received over time: a freeze is a flat line, a completed run ends at the payload. */
    private static XYChart received(List<RunResult> results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("replies received").xAxisTitle("seconds").yAxisTitle("MiB").build();
        styleAllRuns(chart.getStyler());
        for (int i = 0; i < results.size(); i++) {
            List<Point> points = results.get(i).points();
            if (!points.isEmpty()) {
                line(chart.addSeries((i + 1) + ". " + results.get(i).label(),
                        points.stream().map(p -> p.client().seconds()).toList(),
                        points.stream().map(p -> p.client().received() / MIB).toList()));
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            line(chart.addSeries("nothing received", new double[] {0}, new double[] {0}));
        }
        return chart;
    }

    /** Every run's longest wait per interval: the slowest answered byte, or the oldest unanswered one if it waited longer. */
    private static XYChart latency(List<RunResult> results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("byte latency: the longest wait per 50 ms (log scale)").xAxisTitle("seconds").yAxisTitle("ms").build();
        styleAllRuns(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        for (int i = 0; i < results.size(); i++) {
            List<Double> t = new ArrayList<>();
            List<Double> wait = new ArrayList<>();
            for (Point p : results.get(i).points()) {
                Snapshot s = p.client();
                double worst = Math.max(Double.isNaN(s.latencyMaxMs()) ? 0 : s.latencyMaxMs(), s.oldestUnansweredMs());
                if (worst > 0) {
                    t.add(s.seconds());
                    wait.add(worst);
                }
            }
            if (!t.isEmpty()) {
                line(chart.addSeries((i + 1) + ". " + results.get(i).label(), t, wait));
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            line(chart.addSeries("no latency measured", new double[] {0}, new double[] {1}));
        }
        return chart;
    }

    /** The last panel: what each run cost in memory, client and server side, on a log scale. */
    private static CategoryChart peaks(List<RunResult> results) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("peak bytes queued (log scale)").xAxisTitle("run").yAxisTitle("bytes").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        // Bars start at zero, which a log axis cannot show: draw the peaks as points.
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(12);
        List<String> names = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            names.add(String.valueOf(i + 1));
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

    private static void line(XYSeries series, Color color) {
        line(series);
        series.setLineColor(color);
    }

    private static void band(XYSeries series, Color color) {
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        series.setMarker(SeriesMarkers.NONE);
        series.setFillColor(color);
        series.setLineColor(color); // the legend's swatch is drawn in the line's colour
    }
}
