package io.vtmsync.sim;

import static io.vtmsync.sim.SimClient.json;
import static io.vtmsync.sim.SimClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final String POOLS = "/api/tm/8.3/config/active/pools/";
  private static final String EMPTY = "{\"properties\":{}}";

  @Test
  void delay_slows_every_request() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("slow"))) {
      sim.setDelay(Duration.ofMillis(300));
      long start = System.nanoTime();

      new SimClient(sim).get("/api/tm/");

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(290));
    }
  }

  @Test
  void fail_next_answers_the_status_without_touching_state_then_recovers() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("flaky"))) {
      SimClient client = new SimClient(sim);
      sim.failNext(1, 500);
      HttpResponse<byte[]> first = client.putJson(POOLS + "p", EMPTY);
      sim.failNext(1, 503);
      HttpResponse<byte[]> second = client.putJson(POOLS + "p", EMPTY);

      assertThat(first.statusCode()).isEqualTo(500);
      assertThat(json(first).has("error_id")).isTrue();
      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(text(second)).doesNotStartWith("{");
      assertThat(sim.pool("p")).isEmpty();
      assertThat(client.putJson(POOLS + "p", EMPTY).statusCode()).isEqualTo(201);
      assertThat(sim.count("PUT", POOLS)).isEqualTo(3);
    }
  }

  @Test
  void malformed_mode_truncates_successful_json() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("broken"))) {
      SimClient client = new SimClient(sim);
      sim.setMalformed(true);

      HttpResponse<byte[]> response = client.get("/api/tm/");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> SimClient.MAPPER.readTree(response.body()))
          .isInstanceOf(JsonProcessingException.class);
      sim.setMalformed(false);
      assertThat(json(client.get("/api/tm/")).path("children").size()).isEqualTo(4);
    }
  }

  @Test
  void go_down_refuses_connections_and_come_up_restores_state_on_same_port() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("outage"))) {
      SimClient client = new SimClient(sim);
      client.putJson(POOLS + "kept", EMPTY);
      int port = sim.port();

      sim.goDown();
      assertThatThrownBy(() -> client.get(POOLS + "kept")).isInstanceOf(ConnectException.class);
      sim.comeUp();

      assertThat(sim.port()).isEqualTo(port);
      assertThat(client.get(POOLS + "kept").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void three_simulators_run_at_once_on_different_ports() throws Exception {
    List<VtmSimulator> sims = new ArrayList<>();
    try {
      for (String name : new String[] {"a", "b", "c"}) {
        sims.add(VtmSimulator.start(VtmSimulator.Options.defaults(name)));
      }
      for (VtmSimulator sim : sims) {
        new SimClient(sim).putJson(POOLS + "only-" + sim.name(), EMPTY);
      }

      assertThat(sims.stream().map(VtmSimulator::port).distinct()).hasSize(3);
      for (VtmSimulator sim : sims) {
        assertThat(sim.pools().keySet()).containsExactly("only-" + sim.name());
      }
    } finally {
      sims.forEach(VtmSimulator::close);
    }
  }

  @Test
  void concurrent_puts_all_land_and_create_exactly_once() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("busy"))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String body = "{\"properties\":{\"basic\":{\"note\":\"n" + i + "\"}}}";
        SimClient client = new SimClient(sim);
        statuses.add(pool.submit(() -> client.putJson(POOLS + "shared", body).statusCode()));
      }
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        codes.add(status.get());
      }
      pool.shutdown();

      assertThat(codes).containsOnly(200, 201).filteredOn(c -> c == 201).hasSize(1);
      assertThat(sim.count("PUT", POOLS + "shared")).isEqualTo(40);
    }
  }

  @Test
  void api_versions_can_be_upgraded_at_runtime() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("upgrade"))) {
      sim.setApiVersions("5.2", "8.3");

      assertThat(json(new SimClient(sim).get("/api/tm/")).path("children").size()).isEqualTo(2);
      assertThat(new SimClient(sim).get("/api/tm/3.9/").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void an_oversized_body_is_announced_by_its_length_and_only_on_the_scoped_path() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("huge"))) {
      SimClient client = new SimClient(sim);
      sim.setBodyFault(BodyFault.OVERSIZED, "GET", "/api/tm/");

      HttpResponse<byte[]> huge = client.get("/api/tm/");

      assertThat(huge.statusCode()).isEqualTo(200);
      assertThat(huge.headers().firstValueAsLong("Content-Length")).hasValue(20L << 20);
      assertThat(huge.body()).hasSize(20 << 20).startsWith("{\"children\":[".getBytes());
      assertThat(client.get("/api/tm/8.3/").statusCode()).isEqualTo(200);
      assertThat(json(client.get("/api/tm/8.3/")).has("children")).isTrue();
      sim.setBodyFault(null, "GET", "/api/tm/");
      assertThat(json(client.get("/api/tm/")).path("children").size()).isEqualTo(4);
    }
  }

  @Test
  void an_endless_body_has_no_length_and_stops_when_the_client_goes_away() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("endless"))) {
      sim.setBodyFault(BodyFault.ENDLESS, "GET", "/api/tm/*");

      HttpResponse<InputStream> response = new SimClient(sim).stream("/api/tm/8.3/");
      try (InputStream body = response.body()) {
        assertThat(body.readNBytes(4 << 20)).hasSize(4 << 20);
      }

      assertThat(response.headers().firstValue("Content-Length")).isEmpty();
      assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
      await().atMost(Duration.ofSeconds(10)).until(() -> sim.bodiesCutShort() == 1);
    }
  }

  @Test
  void a_trickle_sends_a_few_bytes_at_a_time() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("trickle"))) {
      sim.setBodyFault(BodyFault.TRICKLE, "GET", "/api/tm/");
      long start = System.nanoTime();

      HttpResponse<InputStream> response = new SimClient(sim).stream("/api/tm/");
      try (InputStream body = response.body()) {
        assertThat(body.readNBytes(13 + 5 * 16)).hasSize(13 + 5 * 16);
      }

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(350));
      await().atMost(Duration.ofSeconds(10)).until(() -> sim.bodiesCutShort() == 1);
    }
  }
}
