package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test glue: a verified-TLS client config for a simulator, bodies, and secret-leak checks. */
final class SimClusters {
  private SimClusters() {}

  /** Trusts the simulator's CA and reads the password from a file in dir. */
  static VtmClusterConfig config(VtmSimulator sim, Path dir) {
    return VtmClusterConfig.of(
            sim.name(), sim.baseUrl(), sim.username(), passwordFile(dir, sim, sim.password()))
        .withCaFile(sim.writeCaPem(dir))
        .withTimeout(Duration.ofSeconds(3));
  }

  static VtmClient client(VtmSimulator sim, Path dir) {
    return new VtmClient(config(sim, dir));
  }

  /** A client of {@code sim} after it created pool "web" with one member and a note. */
  static VtmClient clientWithWebPool(VtmSimulator sim, Path dir) {
    VtmClient client = client(sim, dir);
    client.putPool("web", java.util.List.of(io.vtmsync.pool.Member.active("10.0.0.1", 80)), "note");
    return client;
  }

  static PasswordSource.File passwordFile(Path dir, VtmSimulator sim, String password) {
    Path file = dir.resolve(sim.name() + "-password");
    write(file, password + "\n");
    return new PasswordSource.File(file);
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stored pool holding just these members, for {@link VtmSimulator#putPoolDirect}. */
  static ObjectNode poolWith(Member... members) {
    return NodesTable.body(List.of(members));
  }

  /** The password itself and the Authorization header value that carries it. */
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
      return new ObjectMapper()
          .readTree(
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
