package io.vtmsync.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Timing is only asserted as lower bounds taken before the queue acts (a loaded box can only make
 * things later); long timeouts are hang guards.
 */
class WorkQueueTest {

  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80));
  private static final Duration WINDOW = Duration.ofMillis(300);
  private static final Duration HANG = Duration.ofSeconds(10);

  private static WorkQueue<String> queue(Duration debounce) {
    return new WorkQueue<>("test", debounce, FAST);
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  @Test
  void the_first_offer_of_a_quiet_key_is_handed_out_at_once() throws Exception {
    // A window longer than the hang guard: only a leading hand-out can come back at all.
    WorkQueue<String> q = queue(Duration.ofMinutes(1));
    q.offer("k", "v");
    WorkQueue.Item<String> item = q.take(HANG);
    assertThat(item).isNotNull();
    assertThat(item.value()).isEqualTo("v");
  }

  @Test
  void offers_before_the_first_take_become_one_item_with_the_newest_value() throws Exception {
    WorkQueue<String> q = queue(WINDOW);
    for (int i = 0; i < 100; i++) {
      q.offer("ns/a", "v" + i);
    }
    WorkQueue.Item<String> item = q.take(HANG);
    assertThat(item.value()).isEqualTo("v99");
    q.done(item);
    assertThat(q.take(WINDOW.multipliedBy(2))).isNull();
    assertThat(q.coalescedCount()).isEqualTo(99);
  }

  @Test
  void a_burst_inside_the_window_becomes_one_trailing_item_with_the_newest_value()
      throws Exception {
    WorkQueue<String> q = queue(WINDOW);
    q.offer("k", "v0");
    long beforeLeading = System.nanoTime();
    WorkQueue.Item<String> leading = q.take(HANG);
    q.done(leading);
    for (int i = 1; i <= 50; i++) {
      q.offer("k", "v" + i);
    }
    assumeTrue(since(beforeLeading).compareTo(WINDOW) < 0, "the box stalled past the window");
    WorkQueue.Item<String> trailing = q.take(HANG);
    assertThat(trailing.value()).isEqualTo("v50");
    assertThat(since(beforeLeading)).as("due when the window ends").isGreaterThanOrEqualTo(WINDOW);
    q.done(trailing);
    assertThat(q.take(WINDOW.multipliedBy(2))).as("one trailing item only").isNull();
    assertThat(q.coalescedCount()).isEqualTo(49);
    assertThat(q.completedCount()).isEqualTo(2);
  }

  @Test
  void offers_while_in_flight_become_one_trailing_item_after_the_window() throws Exception {
    WorkQueue<String> q = queue(WINDOW);
    q.offer("k", "v0");
    long beforeLeading = System.nanoTime();
    WorkQueue.Item<String> leading = q.take(HANG);
    q.offer("k", "v1");
    q.offer("k", "v2");
    assertThat(q.take(Duration.ofMillis(50))).as("still in flight").isNull();
    q.done(leading);
    WorkQueue.Item<String> trailing = q.take(HANG);
    assertThat(trailing.value()).isEqualTo("v2");
    assertThat(since(beforeLeading)).isGreaterThanOrEqualTo(WINDOW);
    q.done(trailing);
    assertThat(q.take(WINDOW.multipliedBy(2))).isNull();
  }

  @Test
  void a_key_in_flight_is_never_handed_to_a_second_worker() throws Exception {
    WorkQueue<String> q = queue(Duration.ZERO);
    q.offer("k", "first");
    WorkQueue.Item<String> first = q.take(HANG);
    q.offer("k", "second");
    assertThat(q.take(Duration.ofMillis(100))).as("still in flight").isNull();
    q.done(first);
    assertThat(q.take(HANG).value()).isEqualTo("second");
  }

  @Test
  void different_keys_do_not_wait_for_each_other() throws Exception {
    WorkQueue<String> q = queue(WINDOW);
    q.offer("a", "a");
    q.offer("b", "b");
    WorkQueue.Item<String> a = q.take(HANG);
    WorkQueue.Item<String> b = q.take(HANG);
    assertThat(java.util.Set.of(a.key(), b.key())).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void a_failed_item_comes_back_after_a_backoff_with_the_newest_value_and_a_higher_attempt()
      throws Exception {
    WorkQueue<String> q = queue(Duration.ZERO);
    q.offer("k", "old");
    WorkQueue.Item<String> item = q.take(HANG);
    q.offer("k", "new");
    long beforeRetry = System.nanoTime();
    q.retry(item);
    WorkQueue.Item<String> again = q.take(HANG);
    assertThat(since(beforeRetry)).as("backed off").isGreaterThanOrEqualTo(Duration.ofMillis(16));
    assertThat(again.value()).isEqualTo("new");
    assertThat(again.attempt()).isEqualTo(1);
    q.done(again);
    assertThat(q.size()).isZero();
    assertThat(q.tracked()).as("no window: forgotten at once").isZero();
  }

  @Test
  void a_retry_inside_the_window_keeps_the_newest_value_and_the_first_offer_time()
      throws Exception {
    WorkQueue<String> q = queue(WINDOW);
    q.offer("k", "v0");
    WorkQueue.Item<String> item = q.take(HANG);
    q.offer("k", "v1");
    q.retry(item);
    q.offer("k", "v2"); // while backing off: merged
    WorkQueue.Item<String> again = q.take(HANG);
    assertThat(again.value()).isEqualTo("v2");
    assertThat(again.attempt()).isEqualTo(1);
    assertThat(again.offeredAtNanos()).isEqualTo(item.offeredAtNanos());
    q.done(again);
    assertThat(q.take(WINDOW.multipliedBy(2))).isNull();
    assertThat(q.completedCount()).isEqualTo(1);
    assertThat(q.retriedCount()).isEqualTo(1);
  }

  @Test
  void quiet_keys_are_forgotten_so_key_churn_does_not_grow_the_queue() throws Exception {
    WorkQueue<String> q = queue(WINDOW);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1000; i++) {
        q.offer("r" + round + "-k" + i, "v");
      }
      for (int i = 0; i < 1000; i++) {
        q.done(q.take(HANG));
      }
      assertThat(q.size()).as("nothing waits or runs").isZero();
      // Every cooling key's window ends before this take gives up: it drops them all.
      assertThat(q.take(WINDOW.multipliedBy(2))).isNull();
      assertThat(q.tracked()).as("round %d", round).isZero();
    }
  }

  @Test
  void a_steady_stream_of_offers_is_handed_out_once_now_and_at_most_once_per_window()
      throws Exception {
    WorkQueue<String> q = queue(WINDOW);
    CompletableFuture<Void> stream =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 120; i++) {
                q.offer("k", "v" + i);
                sleep(10);
              }
            });
    long beforeFirst = System.nanoTime();
    List<String> handedOut = new ArrayList<>();
    long afterLast = beforeFirst;
    for (WorkQueue.Item<String> item = q.take(HANG);
        item != null || !stream.isDone();
        item = q.take(WINDOW.multipliedBy(2))) {
      if (item != null) {
        afterLast = System.nanoTime();
        handedOut.add(item.value());
        q.done(item);
      }
    }
    // Hand-outs are at least a window apart, the first one included: count <= span / window + 1.
    long windows = Duration.ofNanos(afterLast - beforeFirst).dividedBy(WINDOW);
    assertThat(handedOut).hasSizeLessThanOrEqualTo((int) windows + 1).endsWith("v119");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void backoff_doubles_up_to_its_maximum_with_bounded_jitter() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
    for (int attempt = 1; attempt <= 10; attempt++) {
      long expected = Math.min(1000, 100L << (attempt - 1));
      long ms = b.delayNanos(attempt) / 1_000_000;
      assertThat(ms).isBetween((long) (expected * 0.8) - 1, (long) (expected * 1.2) + 1);
    }
  }

  @Test
  void retry_now_makes_the_selected_keys_in_backoff_due_at_once() throws Exception {
    // A backoff far longer than the hang guard: only retryNow can bring the keys back in time.
    WorkQueue<String> q =
        new WorkQueue<>(
            "test", Duration.ZERO, new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(5)));
    q.offer("east:ns/a", "a");
    q.offer("west:ns/b", "b");
    q.retry(q.take(HANG));
    q.retry(q.take(HANG));
    q.retryNow(key -> key.startsWith("east:"));
    WorkQueue.Item<String> again = q.take(HANG);
    assertThat(again.key()).isEqualTo("east:ns/a");
    assertThat(again.attempt()).as("still counted as a retry").isEqualTo(1);
    q.done(again);
    assertThat(q.take(Duration.ofMillis(300))).as("west's waits out its backoff").isNull();
  }
}
