package io.vtmsync.vtm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A vTM answer's body that may be read only up to a size limit and before a deadline, so that one
 * broken or hostile server (an 800 MB page, an endless or trickling body) cannot exhaust the heap
 * or hold a lane: past either, the connection is aborted (never drained for reuse) and the read
 * fails. Hand-written because camel-http buffers whatever arrives, and the socket timeout of
 * httpclient5 bounds each read, not the whole body.
 */
final class BoundedEntity extends HttpEntityWrapper {

  /** The answer is longer than the limit; {@code status} is the HTTP status that came with it. */
  static final class TooLarge extends IOException {
    private final int status;

    TooLarge(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** The answer did not arrive whole before the deadline. */
  static final class TooSlow extends InterruptedIOException {
    TooSlow(String message) {
      super(message);
    }
  }

  private final int status;
  private final long limit;
  private final long deadlineNanos;
  private final long timeoutMillis;
  private Bounded content;

  /**
   * @param status the HTTP status of the answer, named when it is abandoned for its size
   * @param deadlineNanos {@link System#nanoTime()} by which the whole body must have arrived
   * @param timeoutMillis the timeout that deadline came from, for the message
   */
  BoundedEntity(
      HttpEntity wrapped, int status, long limit, long deadlineNanos, long timeoutMillis) {
    super(wrapped);
    this.status = status;
    this.limit = limit;
    this.deadlineNanos = deadlineNanos;
    this.timeoutMillis = timeoutMillis;
  }

  /** The same stream every time: camel-http reads it, then closes it again through the entity. */
  @Override
  public synchronized InputStream getContent() throws IOException {
    if (content == null) {
      InputStream raw = super.getContent();
      content = raw == null ? null : new Bounded(raw);
    }
    return content;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    InputStream in = getContent();
    if (in != null) {
      in.transferTo(out);
    }
  }

  private final class Bounded extends InputStream {
    private final InputStream in;
    private long count;
    private boolean aborted;

    Bounded(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check(0);
      int n = in.read(b, off, len);
      if (n > 0) {
        check(n);
      }
      return n;
    }

    private void check(int more) throws IOException {
      if (aborted) {
        throw new IOException("answer abandoned");
      }
      if (count == 0 && more == 0 && getContentLength() > limit) {
        abort(
            new TooLarge(
                status, "its Content-Length " + getContentLength() + " is over " + limits()));
      }
      count += more;
      if (count > limit) {
        abort(new TooLarge(status, "it was still coming after " + limits()));
      }
      if (System.nanoTime() - deadlineNanos > 0) {
        abort(new TooSlow("it did not arrive whole within " + timeoutMillis + " ms"));
      }
    }

    private String limits() {
      return "the limit of " + limit + " bytes (" + (limit >> 20) + " MiB)";
    }

    private void abort(IOException why) throws IOException {
      aborted = true;
      if (in instanceof EofSensorInputStream sensor) {
        sensor.abort(); // closes the socket: the rest of the body is never read
      } else {
        in.close();
      }
      throw why;
    }

    @Override
    public void close() throws IOException {
      if (!aborted) {
        in.close();
      }
    }
  }
}
