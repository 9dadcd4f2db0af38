package io.vtmsync.status;

import io.vtmsync.status.StatusTable.Cell;
import io.vtmsync.status.StatusTable.Row;
import io.vtmsync.status.StatusTable.Table;
import io.vtmsync.status.StatusTable.Target;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The status table as terminal text, for {@code vtm-k8s-sync status} and the demo: one line per
 * pool, one column per target, then the problems of the cells that have not converged.
 */
public final class StatusText {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ZoneId zone;

  public StatusText(ZoneId zone) {
    this.zone = zone;
  }

  /** Prints the rows {@code shown} keeps; returns how many of their cells have not converged. */
  public int print(Table t, Predicate<Row> shown, PrintStream out) {
    List<Row> rows = t.pools().stream().filter(shown).toList();
    out.println(
        (t.leader() ? "leader" : "standby (does not write)") + ", data of " + t.generatedAt());
    out.println("targets: " + String.join(", ", t.targets().stream().map(this::target).toList()));
    List<List<String>> lines = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of("POOL", "SERVICE"));
    t.targets().forEach(x -> head.add(clean(x.name())));
    lines.add(head);
    rows.forEach(r -> lines.add(line(t, r)));
    table(lines, out);
    out.println(
        "cells: state active/draining members, vTM alive/dead (- until read back), last change"
            + " (lag); '.' the pool does not go there");
    int cells = 0;
    int notConverged = 0;
    for (Row r : rows) {
      for (Target x : t.targets()) {
        Cell c = r.cells().get(x.name());
        cells += c == null ? 0 : 1;
        if (c != null && !c.converged()) {
          notConverged++;
          out.println(problem(r, x, c));
        }
      }
    }
    if (t.conflicts() != null) {
      t.conflicts().forEach(c -> out.println("conflict: " + clean(c)));
    }
    out.println(rows.size() + " pools, " + notConverged + " of " + cells + " cells not converged");
    return notConverged;
  }

  private List<String> line(Table t, Row r) {
    List<String> line = new ArrayList<>(List.of(clean(r.pool()), clean(orDash(r.service()))));
    for (Target x : t.targets()) {
      Cell c = r.cells().get(x.name());
      line.add(c == null ? "." : cell(c, Instant.parse(t.generatedAt())));
    }
    return line;
  }

  private String target(Target x) {
    String state = x.up() == null ? "" : x.up() ? " up" : " DOWN";
    return clean(x.name()) + state + (x.problem() == null ? "" : " (" + clean(x.problem()) + ")");
  }

  private String cell(Cell c, Instant now) {
    return c.state()
        + (c.dryRun() ? " (dry run)" : "")
        + " "
        + num(c.active())
        + "/"
        + num(c.draining())
        + " "
        + num(c.vtmAlive())
        + "/"
        + num(c.vtmDead())
        + (c.lastChange() == null ? "" : " " + when(c.lastChange(), now))
        + (c.lagMs() == null ? "" : " (" + lag(c.lagMs()) + ")");
  }

  private static String lag(double ms) {
    return ms < 1000
        ? Math.round(ms) + " ms"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000);
  }

  private String problem(Row r, Target x, Cell c) {
    String why = c.lastError() != null ? c.lastError() : x.problem();
    return "  "
        + clean(r.pool())
        + " "
        + clean(x.name())
        + " "
        + c.state()
        + (why == null ? "" : ": " + clean(why))
        + (c.lastErrorAt() == null ? "" : " (at " + c.lastErrorAt() + ")");
  }

  private String when(String iso, Instant now) {
    Instant at = Instant.parse(iso);
    return (now.minusSeconds(86_400).isBefore(at) ? TIME : DAY).format(at.atZone(zone));
  }

  private static void table(List<List<String>> lines, PrintStream out) {
    int[] width = new int[lines.get(0).size()];
    lines.forEach(
        l ->
            java.util.stream.IntStream.range(0, l.size())
                .forEach(i -> width[i] = Math.max(width[i], l.get(i).length())));
    for (List<String> l : lines) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == l.size() - 1 ? l.get(i) : String.format("%-" + width[i] + "s  ", l.get(i)));
      }
      out.println(sb.toString().stripTrailing());
    }
  }

  private static String num(Integer n) {
    return n == null ? "-" : n.toString();
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  /**
   * Pool names and error texts come from users' annotations and from vTM: no control character (an
   * escape sequence could rewrite the terminal) reaches it.
   */
  static String clean(String s) {
    return s.replaceAll("[\\p{Cntrl}\\u0080-\\u009f\\u2028\\u2029]", "?");
  }
}
