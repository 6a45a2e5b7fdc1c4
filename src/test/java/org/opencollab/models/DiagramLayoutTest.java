package org.opencollab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagram of {@code processes/}, at every level, reads on one screen and nothing in it hides
 * anything else. The test works from the coordinates in the files (their DI), as Camunda Modeler
 * draws them:
 *
 * <ul>
 *   <li>a diagram is at most {@value #MAX_WIDTH} × {@value #MAX_HEIGHT} px, so it fits a 1920 ×
 *       1080 screen at 60 % zoom or more;
 *   <li>no sequence flow runs through a flow node it does not connect;
 *   <li>no two flow nodes overlap (a node inside an expanded sub-process, and a boundary event on
 *       its activity, are where they belong);
 *   <li>no label lies on a shape, on another label, or on a flow it does not belong to. A label
 *       without DI bounds counts where Modeler puts it: centred under its event or gateway, or at
 *       the middle of its flow.
 * </ul>
 *
 * <p>Label sizes are estimated as Modeler's 11 px font sets them: about 6 px for a Latin letter and
 * 11 px for a Chinese character, wrapped at 90 px, 14 px a line.
 */
class DiagramLayoutTest {

  static final int MAX_WIDTH = 3200;
  static final int MAX_HEIGHT = 1800;
  private static final double LINE_HEIGHT = 14;
  private static final double DEFAULT_LABEL_WIDTH = 90;

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("processes")).filter(file -> file.toString().endsWith(".bpmn"));
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyDiagramFitsAScreenAndNothingHidesAnythingElse(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> findings = new ArrayList<>();
    for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
      Figures figures = measure(diagram);
      System.out.println(file.getFileName() + " " + figures.report());
      findings.addAll(figures.findings);
      if (figures.width > MAX_WIDTH || figures.height > MAX_HEIGHT) {
        findings.add(figures.plane + " is " + figures.size() + ", more than 3200 × 1800");
      }
    }
    assertThat(findings).as("layout of %s", file).isEmpty();
  }

  /** What one diagram measures, and what is wrong in it. */
  static final class Figures {
    final String plane;
    double width;
    double height;
    int crossings;
    int overlaps;
    int labelCollisions;
    int flowCrossings;
    final List<String> findings = new ArrayList<>();

    Figures(String plane) {
      this.plane = plane;
    }

    String size() {
      return Math.round(width) + " × " + Math.round(height);
    }

    String report() {
      double zoom = Math.min(1.0, Math.min(1920 / width, 1080 / height));
      return String.format(
          "%s: %s px, zoom at 1920 × 1080 %d %%, flows through nodes %d, overlapping nodes %d,"
              + " label collisions %d, flows crossing flows %d",
          plane,
          size(),
          Math.round(zoom * 100),
          crossings,
          overlaps,
          labelCollisions,
          flowCrossings);
    }
  }

  static Figures measure(BpmnDiagram diagram) {
    ModelElementInstance root = diagram.getBpmnPlane().getBpmnElement();
    Figures figures = new Figures(((BaseElement) root).getId());
    List<Node> nodes = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    Box extent = null;
    for (ModelElementInstance element : diagram.getBpmnPlane().getDiagramElements()) {
      if (element instanceof BpmnShape shape) {
        Box box = Box.of(shape.getBounds());
        extent = extent == null ? box : extent.union(box);
        if (shape.getBpmnElement() instanceof FlowNode node) {
          nodes.add(new Node(node, box));
          String name = node.getName();
          if (name != null && !name.isBlank() && hasExternalLabel(node)) {
            Box label =
                shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null
                    ? drawn(Box.of(shape.getBpmnLabel().getBounds()), name)
                    : defaultLabel(box.centerX(), box.bottom(), name);
            labels.add(new Label(node, label));
            extent = extent.union(label);
          }
        }
      } else if (element instanceof BpmnEdge edge
          && edge.getBpmnElement() instanceof SequenceFlow flow) {
        List<double[]> points = new ArrayList<>();
        for (Waypoint point : edge.getWaypoints()) {
          points.add(new double[] {point.getX(), point.getY()});
          Box dot = new Box(point.getX(), point.getY(), 0, 0);
          extent = extent == null ? dot : extent.union(dot);
        }
        flows.add(new Flow(flow, points));
        String name = flow.getName();
        if (name != null && !name.isBlank()) {
          Box label;
          if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
            label = drawn(Box.of(edge.getBpmnLabel().getBounds()), name);
          } else {
            double[] mid = middle(points);
            label = defaultLabel(mid[0], mid[1] - LINE_HEIGHT / 2, name);
          }
          labels.add(new Label(flow, label));
          extent = extent.union(label);
        }
      }
    }
    figures.width = extent.width;
    figures.height = extent.height;
    checkNodes(figures, nodes);
    checkFlows(figures, nodes, flows);
    checkLabels(figures, nodes, flows, labels);
    return figures;
  }

  private static void checkNodes(Figures figures, List<Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        Node a = nodes.get(i);
        Node b = nodes.get(j);
        if (a.box.inset(1).intersects(b.box.inset(1))
            && !nested(a.element, b.element)
            && !nested(b.element, a.element)
            && !attached(a.element, b.element)
            && !attached(b.element, a.element)) {
          figures.overlaps++;
          figures.findings.add(figures.plane + ": " + a.id() + " overlaps " + b.id());
        }
      }
    }
  }

  private static void checkFlows(Figures figures, List<Node> nodes, List<Flow> flows) {
    for (Flow flow : flows) {
      for (Node node : nodes) {
        if (touches(flow.element, node.element)) {
          continue;
        }
        if (flow.crosses(node.box.inset(3))) {
          figures.crossings++;
          figures.findings.add(
              figures.plane + ": flow " + flow.element.getId() + " runs through " + node.id());
        }
      }
    }
    for (int i = 0; i < flows.size(); i++) {
      for (int j = i + 1; j < flows.size(); j++) {
        if (flows.get(i).crossesFlow(flows.get(j))) {
          figures.flowCrossings++;
        }
      }
    }
  }

  private static void checkLabels(
      Figures figures, List<Node> nodes, List<Flow> flows, List<Label> labels) {
    for (Label label : labels) {
      Box box = label.box.inset(1);
      List<String> hits = new ArrayList<>();
      for (Node node : nodes) {
        if (node.element != label.owner && box.intersects(node.box) && !inside(node, label)) {
          hits.add(node.id());
        }
      }
      for (Label other : labels) {
        if (other != label && other.box.inset(1).intersects(box)) {
          hits.add("the label of " + other.owner.getId());
        }
      }
      for (Flow flow : flows) {
        if (flow.element != label.owner && flow.crosses(box)) {
          hits.add("flow " + flow.element.getId());
        }
      }
      if (!hits.isEmpty()) {
        figures.labelCollisions++;
        figures.findings.add(
            figures.plane + ": the label of " + label.owner.getId() + " lies on " + hits);
      }
    }
  }

  /** A label inside an expanded sub-process lies on it by design. */
  private static boolean inside(Node node, Label label) {
    return label.owner instanceof FlowNode owner && nested(node.element, owner)
        || label.owner instanceof SequenceFlow flow && nested(node.element, flow.getSource());
  }

  private static boolean hasExternalLabel(FlowNode node) {
    return !(node instanceof Task)
        && !(node instanceof org.camunda.bpm.model.bpmn.instance.SubProcess)
        && !(node instanceof org.camunda.bpm.model.bpmn.instance.CallActivity);
  }

  /** Whether {@code inner} lies inside the sub-process {@code outer}. */
  private static boolean nested(BaseElement outer, BaseElement inner) {
    for (ModelElementInstance parent = inner.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent == outer) {
        return true;
      }
    }
    return false;
  }

  private static boolean attached(BaseElement event, BaseElement host) {
    return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == host;
  }

  /**
   * A flow may touch what it connects, the sub-processes around them, and the activity its boundary
   * event sits on.
   */
  private static boolean touches(SequenceFlow flow, FlowNode node) {
    return flow.getSource() == node
        || flow.getTarget() == node
        || nested(node, flow.getSource())
        || nested(node, flow.getTarget())
        || attached(flow.getSource(), node);
  }

  /**
   * A label with DI bounds: Modeler wraps its text at 90 px, centred on the bounds, from their top,
   * so the text may reach beyond bounds that are too small; both count.
   */
  static Box drawn(Box bounds, String text) {
    return bounds.union(defaultLabel(bounds.centerX(), bounds.y(), text));
  }

  /** Where Modeler puts a label without DI bounds: 90 px wide, centred, its top at {@code top}. */
  static Box defaultLabel(double centerX, double top, String text) {
    double width = Math.min(DEFAULT_LABEL_WIDTH, textWidth(text));
    return new Box(centerX - width / 2, top, width, lines(text, DEFAULT_LABEL_WIDTH) * LINE_HEIGHT);
  }

  static double textWidth(String text) {
    double width = 0;
    for (int point : text.codePoints().toArray()) {
      width += point >= 0x2E80 ? 11 : Character.isUpperCase(point) ? 7.5 : 6;
    }
    return width;
  }

  static int lines(String text, double width) {
    int lines = 1;
    double line = 0;
    for (String word : text.split(" ")) {
      double w = textWidth(word);
      if (line > 0 && line + 3 + w > width) {
        lines++;
        line = w;
      } else {
        line += (line > 0 ? 3 : 0) + w;
      }
      while (line > width) {
        lines++;
        line -= width;
      }
    }
    return lines;
  }

  /** Where Modeler centres a flow's label: the middle waypoint, or the middle of the middle leg. */
  static double[] middle(List<double[]> points) {
    int mid = points.size() / 2;
    if (points.size() % 2 == 1) {
      return points.get(mid);
    }
    double[] a = points.get(mid - 1);
    double[] b = points.get(mid);
    return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
  }

  record Node(FlowNode element, Box box) {
    String id() {
      return element.getId();
    }
  }

  record Label(BaseElement owner, Box box) {}

  record Flow(SequenceFlow element, List<double[]> points) {
    boolean crosses(Box box) {
      for (int i = 1; i < points.size(); i++) {
        if (box.intersectsSegment(points.get(i - 1), points.get(i))) {
          return true;
        }
      }
      return false;
    }

    boolean crossesFlow(Flow other) {
      for (int i = 1; i < points.size(); i++) {
        for (int j = 1; j < other.points.size(); j++) {
          if (Box.segmentsCross(
              points.get(i - 1), points.get(i), other.points.get(j - 1), other.points.get(j))) {
            return true;
          }
        }
      }
      return false;
    }
  }

  record Box(double x, double y, double width, double height) {
    static Box of(Bounds bounds) {
      return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    double right() {
      return x + width;
    }

    double bottom() {
      return y + height;
    }

    double centerX() {
      return x + width / 2;
    }

    Box inset(double by) {
      return new Box(x + by, y + by, Math.max(0, width - 2 * by), Math.max(0, height - 2 * by));
    }

    Box union(Box other) {
      double left = Math.min(x, other.x);
      double top = Math.min(y, other.y);
      return new Box(
          left,
          top,
          Math.max(right(), other.right()) - left,
          Math.max(bottom(), other.bottom()) - top);
    }

    boolean intersects(Box other) {
      return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }

    boolean contains(double[] p) {
      return p[0] > x && p[0] < right() && p[1] > y && p[1] < bottom();
    }

    /** Whether the segment from a to b passes through the inside of this box. */
    boolean intersectsSegment(double[] a, double[] b) {
      if (contains(a) || contains(b)) {
        return true;
      }
      double[][] corners = {{x, y}, {right(), y}, {right(), bottom()}, {x, bottom()}};
      for (int i = 0; i < 4; i++) {
        if (segmentsCross(a, b, corners[i], corners[(i + 1) % 4])) {
          return true;
        }
      }
      return false;
    }

    /** Proper crossing of two segments (touching at an end does not count). */
    static boolean segmentsCross(double[] a, double[] b, double[] c, double[] d) {
      double d1 = cross(c, d, a);
      double d2 = cross(c, d, b);
      double d3 = cross(a, b, c);
      double d4 = cross(a, b, d);
      return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0))
          && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static double cross(double[] o, double[] a, double[] b) {
      return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
  }
}
