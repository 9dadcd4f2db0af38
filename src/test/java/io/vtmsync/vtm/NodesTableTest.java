package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesTableTest {

  @Test
  void note_is_written_only_when_given() {
    List<Member> members = List.of(Member.draining("fd00::1", 80));

    assertThat(NodesTable.body(members, "ours").toString())
        .isEqualTo(
            "{\"properties\":{\"basic\":{\"nodes_table\":[{\"node\":\"[fd00::1]:80\","
                + "\"state\":\"draining\"}],\"note\":\"ours\"}}}");
    assertThat(NodesTable.body(members, null).at("/properties/basic").has("note")).isFalse();
  }

  @Test
  void reading_tolerates_odd_rows_and_defaults_the_state_to_active() throws Exception {
    var pool =
        new ObjectMapper()
            .readTree(
                "{\"properties\":{\"basic\":{\"nodes_table\":["
                    + "{\"node\":\"10.0.0.1:80\"},"
                    + "{\"node\":\"[fd00::2]:8080\",\"state\":\"disabled\",\"weight\":5},"
                    + "{\"node\":\"10.0.0.3:80\",\"state\":\"maintenance\"},"
                    + "{\"node\":\"10.0.0.4\"},{\"node\":\"10.0.0.5:http\"},{\"weight\":1}]}}}");

    assertThat(NodesTable.read(pool))
        .containsExactly(
            Member.active("10.0.0.1", 80), new Member("fd00::2", 8080, MemberState.DISABLED));
  }
}
