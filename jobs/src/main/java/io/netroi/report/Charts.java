package io.netroi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart and embedded as PNG data URIs (no external request).
 * Colours step in lightness as well as hue and lines differ in dash and marker, so every chart
 * stays readable printed in greyscale. Labels pass through {@link Escaping#chartLabel}.
 */
public final class Charts {
  static final int WIDTH = 760;
  static final int HEIGHT = 340;
  /** Dark to light: distinguishable by lightness alone. */
  static final Color[] PALETTE = {new Color(0x10263e), new Color(0xc76b1c), new Color(0x2f5d87),
      new Color(0xe9b872), new Color(0x7fa9cf), new Color(0x8a4b14), new Color(0xb9cfe3)};
  static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {4f, 4f}};
  static final Shape[] SHAPES = {new Ellipse2D.Double(-4, -4, 8, 8), new Rectangle2D.Double(-4, -4, 8, 8),
      new java.awt.Polygon(new int[] {0, 5, -5}, new int[] {-5, 4, 4}, 3), new Rectangle2D.Double(-2, -5, 4, 10)};

  private Charts() {}

  static {
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xdddddd));
    theme.setRangeGridlinePaint(new Color(0xdddddd));
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
    ChartFactory.setChartTheme(theme);
  }

  /** A chart as a PNG data URI, drawn at twice the size for print. */
  static String dataUri(JFreeChart chart) {
    try {
      byte[] png = ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null));
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line per series over the categories; a null value leaves a gap. */
  public static String lines(String title, String valueLabel, List<String> categories, List<String> series,
      List<List<? extends Number>> values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int s = 0; s < series.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        data.addValue(values.get(s).get(c), Escaping.chartLabel(series.get(s)), Escaping.chartLabel(categories.get(c)));
      }
    }
    JFreeChart chart = ChartFactory.createLineChart(Escaping.chartTitle(title), null, valueLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    LineAndShapeRenderer r = (LineAndShapeRenderer) chart.getCategoryPlot().getRenderer();
    for (int s = 0; s < series.size(); s++) {
      r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
      float[] dash = DASHES[s % DASHES.length];
      r.setSeriesStroke(s, dash == null ? new BasicStroke(2.5f)
          : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0f));
      r.setSeriesShape(s, SHAPES[s % SHAPES.length]);
      r.setSeriesShapesVisible(s, true);
    }
    return dataUri(chart);
  }

  /** Stacked bars: one bar per category, one stack per series; values may be null (nothing drawn). */
  public static String stackedBars(String title, String valueLabel, List<String> categories, List<String> series,
      List<List<? extends Number>> values, boolean horizontal) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int s = 0; s < series.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        data.addValue(values.get(s).get(c), Escaping.chartLabel(series.get(s)), Escaping.chartLabel(categories.get(c)));
      }
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(Escaping.chartTitle(title), null, valueLabel, data,
        horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    for (int s = 0; s < series.size(); s++) {
      r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
      r.setSeriesOutlinePaint(s, Color.WHITE);
    }
    r.setDrawBarOutline(true);
    r.setMaximumBarWidth(0.12);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    return dataUri(chart);
  }

  /**
   * Rates as dots with interval whiskers, one row per group (asymmetric bounds such as Wilson's);
   * a group whose rate is null (suppressed or not measurable) is labelled but has no dot.
   */
  public static String dotsWithWhiskers(String title, List<String> groups, List<Double> rates, List<Double> lows,
      List<Double> highs) {
    YIntervalSeries s = new YIntervalSeries(Escaping.chartLabel(title));
    for (int i = 0; i < groups.size(); i++) {
      if (rates.get(i) != null) {
        double low = lows.get(i) == null ? rates.get(i) : lows.get(i);
        double high = highs.get(i) == null ? rates.get(i) : highs.get(i);
        s.add(i, rates.get(i) * 100, low * 100, high * 100);
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(s);
    String[] labels = groups.stream().map(Escaping::chartLabel).toArray(String[]::new);
    SymbolAxis axis = new SymbolAxis(null, labels);
    axis.setGridBandsVisible(false);
    axis.setInverted(true); // first group on top
    NumberAxis percent = new NumberAxis("% (95% interval)");
    double top = highs.stream().filter(java.util.Objects::nonNull).mapToDouble(h -> h * 100).max().orElse(100);
    percent.setRange(0, Math.min(100, Math.max(5, Math.ceil(top * 1.1 / 5) * 5)));
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setErrorPaint(PALETTE[0]);
    r.setErrorStroke(new BasicStroke(2f));
    r.setCapLength(10);
    r.setSeriesPaint(0, PALETTE[1]);
    r.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
    r.setDefaultLinesVisible(false);
    XYPlot plot = new XYPlot(data, axis, percent, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(Escaping.chartTitle(title), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    ChartFactory.getChartTheme().apply(chart);
    Paint dot = PALETTE[1];
    r.setSeriesPaint(0, dot);
    return dataUri(chart);
  }
}
