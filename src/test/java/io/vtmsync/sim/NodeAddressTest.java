package io.vtmsync.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.1:8000",
        "foo.bar.com:31199",
        "localhost:1",
        "[::1]:65535",
        "[2001:db8::1]:80",
        "[::ffff:10.0.0.1]:80",
        "my-svc.ns.svc.cluster.local:443"
      })
  void accepts_ipv4_dns_and_bracketed_ipv6(String node) {
    assertThat(NodeAddress.problem(node)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10.0.0.1",
        ":80",
        "10.0.0.1:",
        "10.0.0.1:0",
        "10.0.0.1:65536",
        "1.2.3:80",
        "256.0.0.1:80",
        "2001:db8::1:80",
        "[2001:db8::1:80",
        "[host]:80",
        "-bad.com:80",
        "under_score:80",
        "a..b:80",
        "10.0.0.1:8o",
        "[fe80::1%eth0]:80"
      })
  void rejects_malformed_nodes(String node) {
    assertThat(NodeAddress.problem(node)).isPresent();
  }
}
