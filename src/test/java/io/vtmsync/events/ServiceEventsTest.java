package io.vtmsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The recorder's queue and worker: never blocks the caller, drops and counts when full. */
class ServiceEventsTest {

  private final List<EventCorrelator.Write> written = new CopyOnWriteArrayList<>();

  private ServiceEvents events(
      boolean enabled, boolean leading, Predicate<EventCorrelator.Write> w) {
    return new ServiceEvents(
        enabled, new EventCorrelator(new TestClock()), w, key -> "uid", () -> leading, 4);
  }

  private static WriteResult result(Outcome outcome, int code, PoolDiff diff, String detail) {
    return new WriteResult("vtm:east", "web", outcome, code, diff, detail)
        .forService("default/web");
  }

  private static PoolDiff added(String ip) {
    return PoolDiff.between(List.of(), List.of(new Member(ip, 30080, MemberState.ACTIVE)));
  }

  @Test
  void a_full_queue_drops_and_counts_without_waiting() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ServiceEvents e =
        events(
            true,
            true,
            w -> {
              await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
              return written.add(w);
            });
    e.start();
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      e.warning("default/web", Reasons.POOL_FAILED, "refused " + i);
    }
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms to raise 20").isLessThan(500);
    // One is being written, four wait: the other fifteen (or sixteen) are dropped.
    assertThat(e.dropped(ServiceEvents.QUEUE_FULL)).isBetween(15L, 16L);
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(e::idle);
    e.stop();
    assertThat(written).hasSize((int) (20 - e.dropped(ServiceEvents.QUEUE_FULL)));
  }

  @Test
  void rate_limited_and_failed_writes_are_counted() throws Exception {
    ServiceEvents e = events(true, true, w -> false);
    e.start();
    for (int i = 0; i < 4; i++) {
      e.warning("default/web", Reasons.POOL_FAILED, "refused " + i);
      await().atMost(Duration.ofSeconds(5)).until(e::idle);
    }
    assertThat(e.dropped(ServiceEvents.FAILED)).isEqualTo(4);
    e.stop();
    ServiceEvents limited = events(true, true, written::add);
    limited.start();
    for (int i = 0; i < EventCorrelator.BURST + 3; i++) {
      limited.warning("default/web", Reasons.POOL_FAILED, "refused " + i);
      await().atMost(Duration.ofSeconds(5)).until(limited::idle);
    }
    limited.stop();
    assertThat(written).hasSize(EventCorrelator.BURST);
    assertThat(limited.dropped(ServiceEvents.RATE_LIMITED)).isEqualTo(3);
  }

  @Test
  void disabled_or_standby_raises_nothing() throws Exception {
    for (ServiceEvents e :
        List.of(events(false, true, written::add), events(true, false, written::add))) {
      e.start();
      e.result(result(Outcome.WRITTEN, 200, added("10.0.0.9"), "created"));
      e.held("default/web", "invalid vtm-k8s-sync.io/mode='x'");
      e.warning("default/web", Reasons.MEMBER_DOWN, "10.0.0.9:30080 dead on vtm:east");
      await().atMost(Duration.ofSeconds(5)).until(e::idle);
      e.stop();
    }
    assertThat(written).isEmpty();
  }

  @Test
  void results_raise_their_reasons_with_the_result_line_as_message() throws Exception {
    ServiceEvents e = events(true, true, written::add);
    e.start();
    e.result(result(Outcome.WRITTEN, 200, added("10.0.0.9"), "created"));
    e.result(result(Outcome.UNCHANGED, 200, PoolDiff.between(List.of(), List.of()), "1 members"));
    e.result(result(Outcome.FOREIGN, 200, PoolDiff.between(List.of(), List.of()), "not ours"));
    e.result(result(Outcome.WRITTEN, 200, added("10.0.0.9"), "x").asDryRun(true));
    e.result(new WriteResult("file", "web", Outcome.WRITTEN, 200, added("10.0.0.1"), "repair"));
    e.conflict(
        "default/b", "web", "pool name 'web' is claimed by Services 'default/a' and 'default/b'");
    await().atMost(Duration.ofSeconds(5)).until(e::idle);
    e.stop();
    assertThat(written)
        .extracting(w -> w.event().type() + " " + w.event().reason() + ": " + w.event().message())
        .containsExactly(
            "Normal PoolSynced: vtm:east pool=web created +10.0.0.9:30080",
            "Warning PoolNotOwned: vtm:east pool=web LEFT ALONE: not ours",
            "Warning PoolConflict: pool name 'web' is claimed by Services 'default/a' and"
                + " 'default/b'");
    assertThat(written.get(0).event().uid()).isEqualTo("uid");
  }
}
