package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every state, IPv4 and IPv6, default and extreme weights and priorities, in plan order. */
  private static final List<Member> MIXED =
      List.of(
          Member.draining("10.0.0.9", 30080).withWeight(5),
          Member.active("10.0.0.10", 30080).withWeight(100).withPriority(0),
          new Member("10.0.0.11", 30080, MemberState.DISABLED),
          Member.active("fd00::9", 30080).withPriority(2),
          Member.active("fd00::a", 80).withPriority(Member.MAX_PRIORITY));

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void note_is_written_only_when_given() {
    List<Member> members = List.of(Member.draining("fd00::1", 80));

    assertThat(NodesTable.body(members, "ours").toString())
        .isEqualTo(
            "{\"properties\":{\"basic\":{\"nodes_table\":[{\"node\":\"[fd00::1]:80\","
                + "\"state\":\"draining\",\"weight\":1,\"priority\":1}],\"note\":\"ours\"}}}");
    assertThat(NodesTable.body(members, null).at("/properties/basic").has("note")).isFalse();
  }

  @Test
  void reading_tolerates_odd_rows_and_defaults_the_state_to_active() throws Exception {
    var pool =
        json(
            "{\"properties\":{\"basic\":{\"nodes_table\":["
                + "{\"node\":\"10.0.0.1:80\"},"
                + "{\"node\":\"[fd00::2]:8080\",\"state\":\"disabled\",\"weight\":5},"
                + "{\"node\":\"10.0.0.3:80\",\"state\":\"maintenance\"},"
                + "{\"node\":\"10.0.0.4\"},{\"node\":\"10.0.0.5:http\"},{\"weight\":1}]}}}");

    assertThat(NodesTable.read(pool))
        .containsExactly(
            Member.active("10.0.0.1", 80),
            new Member("fd00::2", 8080, MemberState.DISABLED).withWeight(5));
  }

  @Test
  void nodes_table_reads_back_what_it_wrote() {
    assertThat(NodesTable.read(NodesTable.body(MIXED, "ours"))).isEqualTo(MIXED);
  }

  @Test
  void missing_or_null_weight_and_priority_read_as_1() throws Exception {
    var pool =
        json(
            "{\"properties\":{\"basic\":{\"nodes_table\":["
                + "{\"node\":\"10.0.0.1:80\",\"state\":\"active\"},"
                + "{\"node\":\"10.0.0.2:80\",\"weight\":null,\"priority\":null},"
                + "{\"node\":\"10.0.0.3:80\",\"weight\":7}]}}}");

    assertThat(NodesTable.read(pool))
        .containsExactly(
            Member.active("10.0.0.1", 80),
            Member.active("10.0.0.2", 80),
            Member.active("10.0.0.3", 80).withWeight(7));
  }

  @Test
  void a_row_whose_weight_or_priority_a_member_cannot_hold_is_left_out() throws Exception {
    var pool =
        json(
            "{\"properties\":{\"basic\":{\"nodes_table\":["
                + "{\"node\":\"10.0.0.1:80\",\"weight\":0},"
                + "{\"node\":\"10.0.0.2:80\",\"weight\":101},"
                + "{\"node\":\"10.0.0.3:80\",\"weight\":\"5\"},"
                + "{\"node\":\"10.0.0.4:80\",\"priority\":-1},"
                + "{\"node\":\"10.0.0.5:80\",\"priority\":4294967295},"
                + "{\"node\":\"10.0.0.6:80\",\"weight\":2.5},"
                + "{\"node\":\"10.0.0.7:80\",\"priority\":0}]}}}");

    assertThat(NodesTable.read(pool))
        .containsExactly(Member.active("10.0.0.7", 80).withPriority(0));
  }

  @Test
  void legacy_body_sends_the_lists_and_both_side_tables_for_every_member() throws Exception {
    String golden = Files.readString(Path.of("src/test/resources/golden/legacy-weighted.json"));

    assertThat(LegacyNodeLists.body(MIXED, null).toString()).isEqualTo(golden.trim());
  }

  /** In list order, not plan order: the app compares sets of members (VtmWriter.same). */
  @Test
  void legacy_lists_read_back_what_they_wrote() {
    assertThat(LegacyNodeLists.read(LegacyNodeLists.body(MIXED, "ours")))
        .containsExactlyInAnyOrderElementsOf(MIXED);
    assertThat(LegacyNodeLists.read(LegacyNodeLists.body(List.of(), null))).isEmpty();
  }

  @Test
  void legacy_nodes_without_side_table_entries_have_weight_and_priority_1() throws Exception {
    var pool =
        json(
            "{\"properties\":{\"basic\":{\"nodes\":[\"10.0.0.1:80\",\"[fd00::1]:80\","
                + "\"10.0.0.3:80\"]},\"load_balancing\":{"
                + "\"node_weighting\":[{\"node\":\"[fd00::1]:80\",\"weight\":9},"
                + "{\"node\":\"10.0.0.3:80\",\"weight\":0}],"
                + "\"priority_values\":[\"[fd00::1]:80:3\",\"10.0.0.9:80:4\",\"junk\"]}}}");

    assertThat(LegacyNodeLists.read(pool))
        .containsExactly(
            Member.active("10.0.0.1", 80),
            Member.active("fd00::1", 80).withWeight(9).withPriority(3));
  }
}
