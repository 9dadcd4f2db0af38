package io.vtmsync.events;

import io.vtmsync.k8s.KubeNames;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One thing to tell about a Service, as a Kubernetes Event would: which Service, Normal or Warning,
 * a reason and a message; what {@link EventCorrelator} deduplicates and rate-limits.
 *
 * @param uid the Service's uid when the informer cache has it, else null
 * @param message at most {@link #MAX_MESSAGE_BYTES} bytes of UTF-8, cut where longer
 * @param source the Kubernetes source the Service is in ({@code ""}: the default one)
 */
public record ServiceEvent(
    String namespace,
    String service,
    String uid,
    String type,
    String reason,
    String message,
    String source) {

  /** An Event on a Service of the default source. */
  public ServiceEvent(
      String namespace, String service, String uid, String type, String reason, String message) {
    this(namespace, service, uid, type, reason, message, "");
  }

  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";

  /** The API server refuses longer notes on new-style Events; client-go cuts them there too. */
  public static final int MAX_MESSAGE_BYTES = 1024;

  public ServiceEvent {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    if (!NORMAL.equals(type) && !WARNING.equals(type)) {
      throw new IllegalArgumentException("type must be Normal or Warning, got " + type);
    }
    message = capped(message == null ? "" : message);
  }

  /** An Event about the Service {@code [source:]namespace/name}. */
  public static ServiceEvent of(
      String serviceKey, String uid, String type, String reason, String message) {
    String[] ns = KubeNames.split(KubeNames.local(serviceKey));
    return new ServiceEvent(
        ns[0], ns[1], uid, type, reason, message, KubeNames.sourceOf(serviceKey));
  }

  /** The same Event with another message (an aggregate's). */
  ServiceEvent withMessage(String text) {
    return new ServiceEvent(namespace, service, uid, type, reason, text, source);
  }

  /** The involved object, as client-go keys it (kind and apiVersion are always Service, v1). */
  String objectKey() {
    return (source.isEmpty() ? "" : source + ":")
        + namespace
        + "/"
        + service
        + "/"
        + (uid == null ? "" : uid);
  }

  /** Cuts to whole characters within the byte limit, marking the cut with "...". */
  static String capped(String text) {
    if (text.length() * 3 <= MAX_MESSAGE_BYTES
        || text.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES) {
      return text;
    }
    CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
    ByteBuffer room = ByteBuffer.allocate(MAX_MESSAGE_BYTES - 3);
    CharBuffer in = CharBuffer.wrap(text);
    utf8.encode(in, room, true); // stops before the first character that would not fit
    return text.substring(0, in.position()) + "...";
  }
}
