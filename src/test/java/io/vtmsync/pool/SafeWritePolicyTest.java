package io.vtmsync.pool;

import static io.vtmsync.pool.SafeWritePolicy.Decision.HOLD_EMPTY;
import static io.vtmsync.pool.SafeWritePolicy.Decision.HOLD_ERROR;
import static io.vtmsync.pool.SafeWritePolicy.Decision.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafeWritePolicyTest {

  private static final List<Member> HAS = List.of(Member.active("10.0.0.1", 80));
  private static final PoolPlan GOOD = PoolPlan.of("p", "ns/s", Set.of(), HAS);
  private static final PoolPlan EMPTY = PoolPlan.failed("p", "ns/s", Set.of(), 204, "none ready");
  private static final PoolPlan BAD = PoolPlan.failed("p", "ns/s", Set.of(), 400, "bad annotation");
  private static final PoolPlan GONE = PoolPlan.failed("p", "ns/s", Set.of(), 404, "removed");

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("good plan always writes", "hold", HAS, GOOD, WRITE),
        Arguments.of("empty plan against members is held", "hold", HAS, EMPTY, HOLD_EMPTY),
        Arguments.of(
            "empty plan against members is applied when asked", "apply", HAS, EMPTY, WRITE),
        Arguments.of("empty plan against an empty target writes", "hold", List.of(), EMPTY, WRITE),
        Arguments.of("empty plan for a new target writes", "hold", null, EMPTY, WRITE),
        Arguments.of("error plan never replaces members", "apply", HAS, BAD, HOLD_ERROR),
        Arguments.of("error plan for a new target writes", "hold", null, BAD, WRITE),
        Arguments.of("error plan never changes an empty pool", "hold", List.of(), BAD, HOLD_ERROR),
        Arguments.of("removal is explicit and writes", "hold", HAS, GONE, WRITE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(String name, String policy, List<Member> current, PoolPlan plan, Object expected) {
    assertThat(new SafeWritePolicy(SafeWritePolicy.EmptyPool.parse(policy)).decide(current, plan))
        .isEqualTo(expected);
  }
}
