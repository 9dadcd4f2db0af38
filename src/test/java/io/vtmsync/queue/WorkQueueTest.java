package io.vtmsync.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80));

  private static WorkQueue<String> queue(long debounceMs) {
    return new WorkQueue<>("test", Duration.ofMillis(debounceMs), FAST);
  }

  @Test
  void a_burst_of_offers_for_one_key_becomes_one_item_with_the_newest_value() throws Exception {
    WorkQueue<String> q = queue(50);
    for (int i = 0; i < 100; i++) {
      q.offer("ns/a", "v" + i);
    }
    WorkQueue.Item<String> item = q.take(Duration.ofSeconds(2));
    assertThat(item.value()).isEqualTo("v99");
    q.done(item);
    assertThat(q.take(Duration.ofMillis(150))).isNull();
    assertThat(q.coalescedCount()).isEqualTo(99);
  }

  @Test
  void a_key_is_not_handed_out_before_its_debounce_window_ends() throws Exception {
    WorkQueue<String> q = queue(150);
    long start = System.nanoTime();
    q.offer("k", "v");
    assertThat(q.take(Duration.ofMillis(50))).isNull();
    WorkQueue.Item<String> item = q.take(Duration.ofSeconds(2));
    assertThat(item).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(140));
  }

  @Test
  void a_key_in_flight_is_never_handed_to_a_second_worker() throws Exception {
    WorkQueue<String> q = queue(0);
    q.offer("k", "first");
    WorkQueue.Item<String> first = q.take(Duration.ofSeconds(1));
    q.offer("k", "second");
    assertThat(q.take(Duration.ofMillis(100))).as("still in flight").isNull();
    q.done(first);
    assertThat(q.take(Duration.ofSeconds(1)).value()).isEqualTo("second");
  }

  @Test
  void different_keys_do_not_wait_for_each_other() throws Exception {
    WorkQueue<String> q = queue(0);
    q.offer("a", "a");
    q.offer("b", "b");
    WorkQueue.Item<String> a = q.take(Duration.ofSeconds(1));
    WorkQueue.Item<String> b = q.take(Duration.ofSeconds(1));
    assertThat(java.util.Set.of(a.key(), b.key())).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void a_failed_item_comes_back_after_a_backoff_with_the_newest_value_and_a_higher_attempt()
      throws Exception {
    WorkQueue<String> q = queue(0);
    q.offer("k", "old");
    WorkQueue.Item<String> item = q.take(Duration.ofSeconds(1));
    q.offer("k", "new");
    q.retry(item);
    assertThat(q.take(Duration.ofMillis(5))).as("backing off").isNull();
    WorkQueue.Item<String> again = q.take(Duration.ofSeconds(1));
    assertThat(again.value()).isEqualTo("new");
    assertThat(again.attempt()).isEqualTo(1);
    q.done(again);
    assertThat(q.size()).isZero();
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
}
