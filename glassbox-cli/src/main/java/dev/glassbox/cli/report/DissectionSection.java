package dev.glassbox.cli.report;

import dev.glassbox.core.inspect.Dissection;
import dev.glassbox.core.render.FeatureBars;
import dev.glassbox.core.render.HtmlReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Network dissection's results as report parts: per layer the number of units, of detectors and of unique
 * detectors, a table of the top units (best concept, IoU, detector or not), a bar chart of their IoUs, and the JSON.
 * Used by {@code glassbox inspect dissect} and open to the demo.
 */
public final class DissectionSection {
    private DissectionSection() {
    }

    /** Adds a subsection per layer, with its {@code top} best units. */
    public static void write(List<Dissection.Result> results, int top, HtmlReport report) {
        List<HtmlReport.Row> summary = new ArrayList<>();
        for (Dissection.Result r : results) {
            long detectors = r.units().stream().filter(Dissection.UnitLabel::detector).count();
            summary.add(new HtmlReport.Row(List.of(new HtmlReport.Text(r.layer()),
                    new HtmlReport.Number(String.valueOf(r.units().size())),
                    new HtmlReport.Number(String.valueOf(detectors)),
                    new HtmlReport.Number(String.valueOf(r.uniqueDetectors()))), false));
        }
        report.table(List.of("layer", "units", "detectors (IoU > 0.04)", "unique concepts detected"), summary);
        for (Dissection.Result r : results) {
            report.subsection("Layer " + r.layer() + ": best units");
            List<HtmlReport.Row> rows = new ArrayList<>();
            for (Dissection.UnitLabel u : r.ranked().subList(0, Math.min(top, r.units().size()))) {
                rows.add(new HtmlReport.Row(List.of(new HtmlReport.Number(String.valueOf(u.unit())),
                        new HtmlReport.Text(u.concept()), new HtmlReport.Number(String.format(Locale.ROOT, "%.3f",
                        u.iou())), new HtmlReport.Text(u.detector() ? "yes" : "no")), !u.detector()));
            }
            report.table(List.of("unit", "best concept", "IoU", "detector"), rows);
            report.figure(chart(r, top), "IoU of the best units of " + r.layer() + " with their best concept", 0);
        }
    }

    /** A bar chart of the {@code top} best units' IoUs. */
    public static byte[] chart(Dissection.Result r, int top) {
        List<Dissection.UnitLabel> best = r.ranked().subList(0, Math.min(top, r.units().size()));
        List<String> names = best.stream().map(u -> "unit " + u.unit() + ": " + u.concept()).toList();
        float[] values = new float[best.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) best.get(i).iou();
        }
        return FeatureBars.bars(names, values, "IoU (" + r.layer() + ")", names.size());
    }

    /** The results as ordered JSON-ready maps. */
    public static List<Map<String, Object>> json(List<Dissection.Result> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Dissection.Result r : results) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("layer", r.layer());
            layer.put("uniqueDetectors", r.uniqueDetectors());
            layer.put("detectors", r.units().stream().filter(Dissection.UnitLabel::detector).count());
            List<Map<String, Object>> units = new ArrayList<>();
            for (Dissection.UnitLabel u : r.units()) {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("unit", u.unit());
                unit.put("concept", u.concept());
                unit.put("iou", u.iou());
                unit.put("detector", u.detector());
                unit.put("threshold", r.thresholds()[u.unit()]);
                units.add(unit);
            }
            layer.put("units", units);
            out.add(layer);
        }
        return out;
    }
}
