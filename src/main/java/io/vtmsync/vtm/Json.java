package io.vtmsync.vtm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the app: the {@code json} bean that camel-jackson marshals vTM
 * request bodies with (routes/sink-vtm.camel.yaml), and the mapper Java uses where a data format
 * cannot serve (answers that may be a proxy's HTML page, the plugin documents, error bodies).
 */
public final class Json {

  /**
   * Lenient to what vTM adds (unknown fields are kept in trees, ignored by records) and strict on
   * size: a string or a nesting depth no vTM answer has is refused rather than buffered.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(200)
                          .maxStringLength(ClusterHttp.MAX_ANSWER_BYTES)
                          .build())
                  .build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}
}
