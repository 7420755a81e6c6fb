package dev.listcast.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws latency percentiles against subscriber count with JFreeChart, without a display. */
public final class LatencyChart {
    private LatencyChart() {
    }

    public static void write(String title, java.util.List<LatencySeries> series, Path png) throws IOException {
        // AWT reads this once, on first use: set it before JFreeChart touches any AWT class
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (LatencySeries s : series) {
            XYSeries p50 = new XYSeries(s.name() + " p50");
            XYSeries p90 = new XYSeries(s.name() + " p90");
            XYSeries p99 = new XYSeries(s.name() + " p99");
            for (LatencySeries.Point point : s.points()) {
                p50.add(point.subscribers(), point.p50());
                p90.add(point.subscribers(), point.p90());
                p99.add(point.subscribers(), point.p99());
            }
            data.addSeries(p50);
            data.addSeries(p90);
            data.addSeries(p99);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "subscribers", "latency (ms)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 540);
    }
}
