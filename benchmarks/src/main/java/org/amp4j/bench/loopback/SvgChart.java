package org.amp4j.bench.loopback;

import java.util.Locale;
import java.util.Map;

/**
 * Draws the medians as a hand-written SVG: one panel per workload, one horizontal bar per system,
 * each panel scaled to its own largest value.
 */
final class SvgChart {
  private static final int WIDTH = 760;
  private static final int LABEL = 150;
  private static final int BAR_AREA = 440;
  private static final int BAR = 18;
  private static final int GAP = 6;
  private static final int PANEL_TITLE = 28;

  private SvgChart() {}

  static String render(Report report) {
    Map<String, Map<Workload, Report.Median>> medians = report.medians();
    int rows = medians.size();
    int panel = PANEL_TITLE + rows * (BAR + GAP) + 16;
    int height = 40 + Workload.values().length * panel;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">amp4j loopback: calls/s"
            + " (median), ratio to "
            + LoopbackSystem.BASELINE
            + "</text>\n");
    int y = 40;
    for (Workload w : Workload.values()) {
      double max =
          medians.values().stream()
              .filter(m -> m.containsKey(w))
              .mapToDouble(m -> m.get(w).callsPerSecond())
              .max()
              .orElse(1);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"10\" y=\"%d\" font-weight=\"bold\">(%s) %s</text>%n",
              y + 18,
              w.key(),
              w.description));
      int by = y + PANEL_TITLE;
      for (Map.Entry<String, Map<Workload, Report.Median>> e : medians.entrySet()) {
        Report.Median m = e.getValue().get(w);
        if (m != null) {
          bar(svg, e.getKey(), m.callsPerSecond(), report.ratio(e.getKey(), w), max, by);
        }
        by += BAR + GAP;
      }
      y += panel;
    }
    return svg.append("</svg>\n").toString();
  }

  private static void bar(
      StringBuilder svg, String system, double value, double ratio, double max, int y) {
    int length = (int) Math.max(1, Math.round(BAR_AREA * value / max));
    String colour = system.equals(LoopbackSystem.BASELINE) ? "#888888" : "#3b6ea8";
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
            LABEL - 8,
            y + BAR - 5,
            system));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
            LABEL,
            y,
            length,
            BAR,
            colour));
    String ratioText = Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, " (%.2f×)", ratio);
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\">%,.0f/s%s</text>%n",
            LABEL + length + 6,
            y + BAR - 5,
            value,
            ratioText));
  }
}
