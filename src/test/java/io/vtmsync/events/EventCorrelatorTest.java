package io.vtmsync.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dedupe, aggregation and the spam filter, as client-go's EventCorrelator has them. */
class EventCorrelatorTest {

  private final TestClock clock = new TestClock();
  private final EventCorrelator correlator = new EventCorrelator(clock);

  private static ServiceEvent event(String service, String type, String reason, String message) {
    return ServiceEvent.of("default/" + service, "uid-" + service, type, reason, message);
  }

  private static ServiceEvent warning(String message) {
    return event("web", ServiceEvent.WARNING, Reasons.POOL_FAILED, message);
  }

  private EventCorrelator.Write write(ServiceEvent e) {
    return correlator.correlate(e).orElseThrow(() -> new AssertionError("held back: " + e));
  }

  @Test
  void a_first_event_is_created_with_count_one_and_a_client_go_style_name() {
    EventCorrelator.Write w = write(warning("vtm:east pool=web FAILED: HTTP 400"));
    assertThat(w.patch()).isFalse();
    assertThat(w.count()).isEqualTo(1);
    assertThat(w.first()).isEqualTo(clock.instant()).isEqualTo(w.last());
    assertThat(w.name()).matches("web\\.[0-9a-f]+");
  }

  @Test
  void a_repeat_of_object_type_reason_and_message_patches_the_same_event() {
    EventCorrelator.Write first = write(warning("same"));
    clock.advance(Duration.ofSeconds(30));
    EventCorrelator.Write again = write(warning("same"));
    assertThat(again.patch()).isTrue();
    assertThat(again.name()).isEqualTo(first.name());
    assertThat(again.count()).isEqualTo(2);
    assertThat(again.first()).isEqualTo(first.first());
    assertThat(again.last()).isEqualTo(clock.instant());
  }

  @Test
  void any_difference_in_the_key_makes_a_new_event() {
    String name = write(warning("m")).name();
    List<ServiceEvent> others =
        List.of(
            warning("other message"),
            event("web", ServiceEvent.WARNING, Reasons.POOL_HELD, "m"),
            event("web", ServiceEvent.NORMAL, Reasons.POOL_FAILED, "m"),
            event("api", ServiceEvent.WARNING, Reasons.POOL_FAILED, "m"),
            ServiceEvent.of("other/web", "uid-web", ServiceEvent.WARNING, Reasons.POOL_FAILED, "m"),
            ServiceEvent.of(
                "default/web", "new-uid", ServiceEvent.WARNING, Reasons.POOL_FAILED, "m"));
    for (ServiceEvent e : others) {
      EventCorrelator.Write w = write(e);
      assertThat(w.count()).as(e.toString()).isEqualTo(1);
      assertThat(w.name()).as(e.toString()).isNotEqualTo(name);
    }
  }

  @Test
  void the_tenth_distinct_message_of_one_reason_joins_a_combined_event() {
    List<EventCorrelator.Write> writes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofMinutes(1)); // the spam filter is not what this test is about
      writes.add(write(synced("+10.0.0." + i + ":30080")));
    }
    assertThat(writes.subList(0, 9)).allMatch(w -> w.count() == 1);
    assertThat(writes.subList(0, 9)).extracting(w -> w.name()).doesNotHaveDuplicates();
    EventCorrelator.Write combined = writes.get(9);
    assertThat(combined.event().message())
        .isEqualTo(EventCorrelator.COMBINED + "vtm:east pool=web updated +10.0.0.9:30080");
    assertThat(writes.get(11).name()).isEqualTo(combined.name());
    assertThat(writes.get(11).count()).isEqualTo(3);
    assertThat(writes.get(11).event().message()).endsWith("+10.0.0.11:30080");
  }

  @Test
  void similar_events_apart_by_more_than_the_window_are_not_combined() {
    for (int i = 0; i < 12; i++) {
      clock.advance(EventCorrelator.AGGREGATE_WINDOW.plusSeconds(1));
      assertThat(write(synced("+10.0.0." + i + ":30080")).count()).isEqualTo(1);
    }
  }

  @Test
  void the_spam_filter_allows_the_burst_then_one_per_refill_per_service() {
    int written = 0;
    for (int i = 0; i < 100; i++) {
      if (correlator.correlate(warning("change " + i)).isPresent()) {
        written++;
      }
    }
    assertThat(written).isEqualTo(EventCorrelator.BURST);
    assertThat(correlator.correlate(event("api", "Warning", "PoolHeld", "x")))
        .as("another Service has its own bucket")
        .isPresent();
    clock.advance(EventCorrelator.REFILL);
    assertThat(correlator.correlate(warning("after one refill"))).isPresent();
    assertThat(correlator.correlate(warning("no token left"))).isEmpty();
    clock.advance(EventCorrelator.REFILL.multipliedBy(100));
    int again = 0;
    for (int i = 0; i < 20; i++) {
      again += correlator.correlate(warning("later " + i)).isPresent() ? 1 : 0;
    }
    assertThat(again)
        .as("the bucket never holds more than the burst")
        .isEqualTo(EventCorrelator.BURST);
  }

  @Test
  void a_repeat_held_back_by_the_spam_filter_still_counts() {
    for (int i = 0; i < EventCorrelator.BURST; i++) {
      write(warning("fill " + i));
    }
    Optional<EventCorrelator.Write> held = correlator.correlate(warning("fill 0"));
    assertThat(held).isEmpty();
    clock.advance(EventCorrelator.REFILL);
    EventCorrelator.Write w = write(warning("fill 0"));
    assertThat(w.count()).as("the write carries the occurrence held back").isEqualTo(3);
  }

  @Test
  void names_stay_unique_within_one_instant() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < EventCorrelator.BURST; i++) {
      names.add(write(warning("m" + i)).name());
    }
    assertThat(names).doesNotHaveDuplicates();
  }

  private static ServiceEvent synced(String diff) {
    return event(
        "web", ServiceEvent.NORMAL, Reasons.POOL_SYNCED, "vtm:east pool=web updated " + diff);
  }
}
