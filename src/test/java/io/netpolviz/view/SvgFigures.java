package io.netpolviz.view;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Readability figures of an exported SVG, read from its geometry as {@code
 * shared/tools/diagram-metrics.py} reads them: the {@code <g class="edge|node|ports">} groups,
 * their paths (curves taken as their control polygon) and titles; plus the smallest text once
 * the picture is fitted to a 1920 × 1080 screen (as the app fits: at most twice its size).
 */
record SvgFigures(double width, double height, int nodes, int edges, int blockedEdges, int chips, int crossings, int chipOverlaps,
        double smallestTextAtFit) {

    static final double SCREEN_WIDTH = 1920;
    static final double SCREEN_HEIGHT = 1080;
    private static final Pattern TOKENS = Pattern.compile("[MLQCZ]|-?\\d+(?:\\.\\d+)?");
    private static final Pattern FONT_SIZE = Pattern.compile("font-size: ([0-9.]+)px");

    static SvgFigures of(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        double width = Double.parseDouble(root.getAttribute("width"));
        double height = Double.parseDouble(root.getAttribute("height"));
        NodeList groups = document.getElementsByTagName("g");
        int nodes = 0;
        int blocked = 0;
        List<List<double[][]>> edgeSegments = new ArrayList<>();
        List<double[]> chipBoxes = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            switch (group.getAttribute("class")) {
                case "node" -> nodes++;
                case "edge" -> {
                    String title = title(group);
                    if (title.contains("\u2717") && !title.contains("\u2713") && !title.contains("\u25D0")) {
                        blocked++;
                    }
                    List<double[][]> segments = new ArrayList<>();
                    for (List<double[]> points : paths(group)) {
                        if (points.size() > 3) { // the line, not the arrowhead triangle
                            for (int k = 1; k < points.size(); k++) {
                                if (points.get(k - 1)[0] != points.get(k)[0] || points.get(k - 1)[1] != points.get(k)[1]) {
                                    segments.add(new double[][] {points.get(k - 1), points.get(k)});
                                }
                            }
                        }
                    }
                    edgeSegments.add(segments);
                }
                case "ports" -> {
                    Set<String> outlines = new LinkedHashSet<>();
                    NodeList paths = group.getElementsByTagName("path");
                    for (int p = 0; p < paths.getLength(); p++) {
                        outlines.add(((Element) paths.item(p)).getAttribute("d"));
                    }
                    for (String d : outlines) {
                        List<double[]> points = polyline(d);
                        if (!points.isEmpty()) {
                            double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                            for (double[] point : points) {
                                box[0] = Math.min(box[0], point[0]);
                                box[1] = Math.min(box[1], point[1]);
                                box[2] = Math.max(box[2], point[0]);
                                box[3] = Math.max(box[3], point[1]);
                            }
                            chipBoxes.add(box);
                        }
                    }
                }
                default -> { }
            }
        }
        int crossings = 0;
        for (int a = 0; a < edgeSegments.size(); a++) {
            for (int b = a + 1; b < edgeSegments.size(); b++) {
                for (double[][] s : edgeSegments.get(a)) {
                    for (double[][] t : edgeSegments.get(b)) {
                        if (cross(s[0], s[1], t[0], t[1])) {
                            crossings++;
                        }
                    }
                }
            }
        }
        int overlaps = 0;
        for (int a = 0; a < chipBoxes.size(); a++) {
            for (int b = a + 1; b < chipBoxes.size(); b++) {
                double[] p = chipBoxes.get(a);
                double[] q = chipBoxes.get(b);
                if (p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]) {
                    overlaps++;
                }
            }
        }
        double smallest = Double.MAX_VALUE;
        Matcher sizes = FONT_SIZE.matcher(svg);
        while (sizes.find()) {
            smallest = Math.min(smallest, Double.parseDouble(sizes.group(1)));
        }
        double fit = Math.min(2.0, Math.min(SCREEN_WIDTH / width, SCREEN_HEIGHT / height));
        return new SvgFigures(width, height, nodes, edgeSegments.size(), blocked, chipBoxes.size(), crossings, overlaps, smallest * fit);
    }

    private static String title(Element group) {
        NodeList titles = group.getElementsByTagName("title");
        return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
    }

    private static List<List<double[]>> paths(Element group) {
        List<List<double[]>> result = new ArrayList<>();
        NodeList paths = group.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            result.add(polyline(((Element) paths.item(i)).getAttribute("d")));
        }
        return result;
    }

    /** The points of a path: the end point of each command, as the metrics script takes them. */
    static List<double[]> polyline(String d) {
        List<double[]> points = new ArrayList<>();
        Matcher tokens = TOKENS.matcher(d);
        List<String> all = new ArrayList<>();
        while (tokens.find()) {
            all.add(tokens.group());
        }
        String command = null;
        int i = 0;
        while (i < all.size()) {
            String token = all.get(i);
            if ("MLQCZ".contains(token) && token.length() == 1 && Character.isLetter(token.charAt(0))) {
                command = token;
                i++;
                continue;
            }
            int count = switch (command) {
                case "M", "L" -> 2;
                case "Q" -> 4;
                case "C" -> 6;
                default -> throw new IllegalArgumentException("unexpected path command " + command);
            };
            double[] numbers = new double[count];
            for (int k = 0; k < count; k++) {
                numbers[k] = Double.parseDouble(all.get(i + k));
            }
            i += count;
            points.add(new double[] {numbers[count - 2], numbers[count - 1]});
        }
        return points;
    }

    private static boolean cross(double[] p1, double[] p2, double[] p3, double[] p4) {
        int o1 = orientation(p1, p2, p3);
        int o2 = orientation(p1, p2, p4);
        int o3 = orientation(p3, p4, p1);
        int o4 = orientation(p3, p4, p2);
        return o1 * o2 < 0 && o3 * o4 < 0;
    }

    private static int orientation(double[] p, double[] q, double[] r) {
        double value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
        return Math.abs(value) < 1e-6 ? 0 : value > 0 ? 1 : -1;
    }

    /** One row of the report's table. */
    String row(String name) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.0f × %.0f | %.1f px |", name, nodes, edges, blockedEdges,
                chips, crossings, chipOverlaps, width, height, smallestTextAtFit);
    }
}
