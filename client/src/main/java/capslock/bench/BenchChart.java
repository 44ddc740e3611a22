package capslock.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** {@code bench --chart}: throughput against connections, with the per-connection median beside it. */
final class BenchChart {
    private BenchChart() {
    }

    static void write(List<BenchRow> rows, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(800).height(450)
                .title("capslock bench: throughput against connections").xAxisTitle("connections").yAxisTitle("MB/s").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> connections = rows.stream().map(r -> String.valueOf(r.connections())).toList();
        chart.addSeries("total", connections, rows.stream().map(BenchRow::megabytesPerSecond).toList());
        chart.addSeries("per connection (median)", connections, rows.stream().map(BenchRow::medianPerConnection).toList());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
