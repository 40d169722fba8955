package org.hms.hub.console.dashboard;

import java.awt.BasicStroke;
import java.awt.Dimension;
import java.time.ZoneId;
import java.util.Date;
import javax.swing.JPanel;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.common.Theme;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.sync.Throughput;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Minute;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Deliveries (and dead letters) per minute over the last hour, drawn by JFreeChart in the theme's colours. */
final class ThroughputChart extends JPanel {

    private final TimeSeries delivered = new TimeSeries("Delivered");
    private final TimeSeries failed = new TimeSeries("Dead letters");
    private final JFreeChart chart;

    ThroughputChart() {
        super(new MigLayout("insets 0, fill", "[grow,fill]", "[grow,fill]"));
        setName("throughputChart");
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(delivered);
        data.addSeries(failed);
        chart = ChartFactory.createTimeSeriesChart("Deliveries per minute, last hour", null, null, data, true, true,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Theme.status(ConnectorStatus.ACTIVE));
        renderer.setSeriesPaint(1, Theme.status(ConnectorStatus.ERROR));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(renderer);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("HH:mm"));
        plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        colours();
        ChartPanel panel = new ChartPanel(chart, false, false, false, false, false);
        panel.setPreferredSize(new Dimension(600, 190));
        panel.setMinimumDrawHeight(120);
        add(panel);
    }

    /** Follows the light or dark theme. */
    void colours() {
        java.awt.Color background = UIManager.getColor("Panel.background");
        java.awt.Color foreground = UIManager.getColor("Label.foreground");
        chart.setBackgroundPaint(background);
        chart.getTitle().setPaint(foreground);
        chart.getTitle().setFont(UIManager.getFont("Label.font").deriveFont(java.awt.Font.BOLD));
        chart.getLegend().setBackgroundPaint(background);
        chart.getLegend().setItemPaint(foreground);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Theme.color("Hub.card.background"));
        plot.getDomainAxis().setTickLabelPaint(foreground);
        plot.getRangeAxis().setTickLabelPaint(foreground);
    }

    void show(Throughput throughput) {
        delivered.setNotify(false);
        failed.setNotify(false);
        delivered.clear();
        failed.clear();
        for (Throughput.Minute m : throughput.minutes()) {
            Minute minute = new Minute(Date.from(m.minute().toInstant()), java.util.TimeZone.getTimeZone(
                    ZoneId.systemDefault()), java.util.Locale.getDefault());
            delivered.addOrUpdate(minute, m.delivered());
            failed.addOrUpdate(minute, m.failed());
        }
        delivered.setNotify(true);
        failed.setNotify(true);
        delivered.fireSeriesChanged();
        failed.fireSeriesChanged();
    }
}
