package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VtmErrorTest {

  private static VtmError parse(String body) {
    return VtmError.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void flattens_error_info_to_dotted_paths_down_to_each_leaf() {
    VtmError error =
        parse(
            "{\"error_id\":\"resource.validation_error\",\"error_text\":\"The resource provided"
                + " is invalid\",\"error_info\":{\"basic\":{\"nodes_table\":{\"10.1.1.1:80\":"
                + "{\"weight\":{\"error_id\":\"num.out_of_range\",\"error_text\":\"Value '0' must"
                + " be within 1-100\"}}},\"note\":{\"error_id\":\"json.wrong_type\","
                + "\"error_text\":\"Value must be a string\"}}}}");

    assertThat(error.errorId()).isEqualTo("resource.validation_error");
    assertThat(error.errorText()).isEqualTo("The resource provided is invalid");
    assertThat(error.errorInfo())
        .isEqualTo(
            "basic.nodes_table.10.1.1.1:80.weight: num.out_of_range Value '0' must be within"
                + " 1-100; basic.note: json.wrong_type Value must be a string");
  }

  @Test
  void a_gateways_text_body_becomes_the_error_text_on_one_line() {
    VtmError error = parse("503 Service Unavailable\r\n<html>\n</html>\n");

    assertThat(error.errorId()).isEmpty();
    assertThat(error.errorText()).isEqualTo("503 Service Unavailable <html> </html>");
  }

  @Test
  void json_that_is_not_an_error_object_is_kept_as_text() {
    assertThat(parse("[1,2]").errorText()).isEqualTo("[1,2]");
    assertThat(parse("{\"message\":\"busy\"}").errorText()).isEqualTo("{\"message\":\"busy\"}");
  }

  @Test
  void a_body_with_only_error_text_is_read_like_vtms_403() {
    VtmError error = parse("{\"error_text\":\"not permitted\"}");

    assertThat(error.errorId()).isEmpty();
    assertThat(error.errorText()).isEqualTo("not permitted");
  }

  @Test
  void empty_and_huge_bodies_do_not_break_parsing() {
    assertThat(VtmError.parse(new byte[0]).errorText()).isEmpty();
    assertThat(parse("x".repeat(10_000)).errorText()).hasSizeLessThan(400).endsWith("...");
  }

  @Test
  void redacts_a_secret_that_a_proxy_echoes_back() {
    VtmError error = parse("bad request from admin:s3cret").redact("s3cret");

    assertThat(error.errorText()).isEqualTo("bad request from admin:***");
  }
}
