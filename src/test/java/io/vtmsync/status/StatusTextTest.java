package io.vtmsync.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.status.StatusTable.Cell;
import io.vtmsync.status.StatusTable.Row;
import io.vtmsync.status.StatusTable.Table;
import io.vtmsync.status.StatusTable.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status table as the terminal shows it. */
class StatusTextTest {

  private static final String NOW = "2026-01-02T10:00:00Z";

  private static Cell synced(int active) {
    return new Cell(
        "synced",
        true,
        false,
        false,
        active,
        0,
        null,
        null,
        "2026-01-02T09:59:58Z",
        45.2,
        null,
        null,
        NOW);
  }

  private static Cell failed(String error) {
    return new Cell(
        "failed",
        false,
        true,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        error,
        "2026-01-02T09:59:59Z",
        NOW);
  }

  private static Table table(Map<String, Cell> webCells) {
    List<Target> targets =
        List.of(new Target("file", null, null), new Target("vtm:east", true, null));
    Row web = new Row("web", "shop/web", "shop", 200, 3, 0, false, webCells);
    return new Table(NOW, true, targets, List.of(web), webCells.size(), 0);
  }

  private static String print(Table t, int[] notConverged) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    notConverged[0] =
        new StatusText(ZoneOffset.UTC)
            .print(t, r -> true, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void one_line_per_pool_a_column_per_target_and_the_problems_below() {
    Map<String, Cell> cells = new LinkedHashMap<>();
    cells.put("file", synced(3));
    cells.put("vtm:east", failed("HTTP 401 auth.invalid"));
    int[] n = new int[1];
    String text = print(table(cells), n);
    assertThat(n[0]).isEqualTo(1);
    assertThat(text.lines())
        .contains(
            "POOL  SERVICE   file                             vtm:east",
            "web   shop/web  synced 3/0 -/- 09:59:58 (45 ms)  failed -/- -/-",
            "  web vtm:east failed: HTTP 401 auth.invalid (at 2026-01-02T09:59:59Z)",
            "1 pools, 1 of 2 cells not converged");
  }

  @Test
  void a_target_a_pool_does_not_go_to_is_a_dot_and_converged_cells_exit_clean() {
    int[] n = new int[1];
    String text = print(table(Map.of("file", synced(1))), n);
    assertThat(n[0]).isZero();
    assertThat(text.lines()).contains("web   shop/web  synced 1/0 -/- 09:59:58 (45 ms)  .");
  }

  @Test
  void control_characters_from_annotations_never_reach_the_terminal() {
    int[] n = new int[1];
    String text =
        print(table(Map.of("file", failed("bad \u001b[2J\u001b]0;owned\u0007 value"))), n);
    assertThat(text).doesNotContain("\u001b", "\u0007").contains("bad ?[2J?]0;owned? value");
  }

  @Test
  void conflicts_are_listed_above_the_summary_as_text() {
    Map<String, Cell> cells = Map.of("file", synced(1));
    Table plain = table(cells);
    Table t =
        new Table(
            plain.generatedAt(),
            plain.leader(),
            plain.targets(),
            plain.pools(),
            plain.cells(),
            plain.notConverged(),
            List.of(
                "pool 'web': member 10.0.0.9:80 is published by 'east:a/b' \u001b[2J and 'west:a/b'"));
    List<String> lines = print(t, new int[1]).lines().toList();
    assertThat(lines.get(lines.size() - 2))
        .isEqualTo(
            "conflict: pool 'web': member 10.0.0.9:80 is published by 'east:a/b' ?[2J and"
                + " 'west:a/b'");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 pools, 0 of 1 cells not converged");
  }
}
