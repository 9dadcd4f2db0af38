package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test glue for lanes on simulators: password sources, pool bodies and secret-leak checks. */
final class LaneFixtures {
  private LaneFixtures() {}

  /** Writes password (and the newline a mounted Secret often has) into file. */
  static PasswordSource.File passwordFile(Path file, String password) {
    LaneHarness.write(file, password + "\n");
    return new PasswordSource.File(file);
  }

  /** The config with its password read from another source. */
  static VtmClusterConfig withPassword(VtmClusterConfig c, PasswordSource password) {
    return new VtmClusterConfig(
        c.name(),
        c.baseUrl(),
        c.username(),
        password,
        c.caFile(),
        c.insecure(),
        c.apiVersion(),
        c.concurrency(),
        c.timeout());
  }

  /** The config with its URL naming host instead of 127.0.0.1, same port. */
  static VtmClusterConfig atHost(VtmClusterConfig c, String host) {
    return new VtmClusterConfig(
        c.name(),
        URI.create("https://" + host + ":" + c.baseUrl().getPort()),
        c.username(),
        c.password(),
        c.caFile(),
        c.insecure(),
        c.apiVersion(),
        c.concurrency(),
        c.timeout());
  }

  /** The password file of a config made by {@link LaneHarness#config}. */
  static Path passwordPath(VtmClusterConfig c) {
    return ((PasswordSource.File) c.password()).path();
  }

  /** A stored pool holding just these members, for {@link VtmSimulator#putPoolDirect}. */
  static ObjectNode poolWith(Member... members) {
    return NodesTable.body(List.of(members));
  }

  /** The password itself and the Basic credentials (base64 of user:password) that carry it. */
  static List<String> secrets(VtmSimulator sim, String password) {
    String pair = sim.username() + ":" + password;
    String header = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    return List.of(password, header);
  }

  /** Runs call, expects a VtmException, and checks that it does not reveal sim's password. */
  static VtmException failure(VtmSimulator sim, ThrowingCallable call) {
    VtmException e = catchThrowableOfType(VtmException.class, call);
    assertThat(e).as("expected a VtmException").isNotNull();
    for (String secret : secrets(sim, sim.password())) {
      assertThat(everything(e)).doesNotContain(secret);
    }
    return e;
  }

  /** A pool body vTM rejects: weight 0 is outside 1-100 (facts file section 5). */
  static JsonNode weightZero() {
    try {
      return Json.MAPPER.readTree(
          "{\"properties\":{\"basic\":{\"nodes_table\":"
              + "[{\"node\":\"10.1.1.1:80\",\"weight\":0}]}}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Message, toString and the whole stack trace, causes included. */
  static String everything(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return e.getMessage() + "\n" + e + "\n" + out;
  }
}
