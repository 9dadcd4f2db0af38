package io.vtmsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which sink results raise which Event reason. */
class ReasonsTest {

  private static final PoolDiff NONE = PoolDiff.between(List.of(), List.of());
  private static final PoolDiff ONE =
      PoolDiff.between(List.of(), List.of(new Member("10.0.0.9", 80, MemberState.ACTIVE)));

  @ParameterizedTest(name = "{0} code {1} diff {2} -> {3}")
  @CsvSource({
    "WRITTEN, 200, true, PoolSynced",
    "WRITTEN, 200, false, ",
    "WRITTEN, 204, false, PoolEmpty",
    "WRITTEN, 400, false, PoolHeld",
    "REMOVED, 404, false, PoolSynced",
    "HELD_EMPTY, 204, false, PoolHeld",
    "HELD_ERROR, 400, false, PoolHeld",
    "FAILED, 200, false, PoolFailed",
    "FOREIGN, 200, false, PoolNotOwned",
    "UNCHANGED, 200, false, ",
    "KEPT, 404, false, "
  })
  void a_result_raises_its_reason(Outcome outcome, int code, boolean diff, String reason) {
    WriteResult r = new WriteResult("vtm:east", "web", outcome, code, diff ? ONE : NONE, "d");
    assertThat(Reasons.of(r)).isEqualTo(reason);
    if (reason != null) {
      assertThat(Reasons.type(reason))
          .isEqualTo(reason.equals("PoolSynced") ? ServiceEvent.NORMAL : ServiceEvent.WARNING);
    }
  }
}
