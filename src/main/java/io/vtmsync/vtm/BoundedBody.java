package io.vtmsync.vtm;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads one HTTP answer whole, but at most {@code limit} bytes of body and within one deadline for
 * headers and body together, so a broken or hostile server cannot exhaust the heap or hold a lane.
 *
 * <p>Hand-written because the JDK's body handlers have no size limit ({@code ofByteArray} buffers
 * whatever arrives) and its request timeout ends when the headers arrive. A failed answer cancels
 * the body subscription, which makes the JDK close the connection instead of reusing it.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {

  /** The answer was longer than the limit; {@code status} is the HTTP status that came with it. */
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

  private final long limit;
  private volatile Collector collector;
  private volatile IOException aborted;

  private BoundedBody(long limit) {
    if (limit < 0 || limit > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the limit must fit in one array: " + limit);
    }
    this.limit = limit;
  }

  /**
   * Sends request and returns the answer with its body in memory.
   *
   * @throws TooLarge when the body is longer than limit bytes
   * @throws HttpTimeoutException when headers and body did not all arrive within deadline
   */
  static HttpResponse<byte[]> send(
      HttpClient http, HttpRequest request, long limit, Duration deadline)
      throws IOException, InterruptedException {
    BoundedBody handler = new BoundedBody(limit);
    CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, handler);
    try {
      return answer.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      HttpTimeoutException late =
          new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
      handler.abort(late, answer);
      throw late;
    } catch (InterruptedException e) {
      handler.abort(new IOException("interrupted"), answer);
      throw e;
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static IOException unwrap(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return cause instanceof IOException io ? io : new IOException(cause);
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    Collector c = new Collector(info.statusCode(), declared);
    collector = c;
    IOException why = aborted;
    if (why != null) {
      c.fail(why); // the deadline passed while the headers were on their way
    }
    return c;
  }

  /**
   * Stops the exchange: cancelling the future stops a request still waiting for headers (the
   * request's own timeout is the backstop), cancelling the body subscription closes the connection.
   */
  private void abort(IOException why, CompletableFuture<?> answer) {
    aborted = why;
    answer.cancel(true);
    Collector c = collector;
    if (c != null) {
      c.fail(why);
    }
  }

  private String overLimit(String what) {
    long mib = 1024 * 1024;
    String mibs = limit % mib == 0 ? " (" + limit / mib + " MiB)" : "";
    return what + " over the limit of " + limit + " bytes" + mibs;
  }

  /** Collects the body chunk by chunk (demand one at a time), counting bytes as they arrive. */
  private final class Collector implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private final int status;
    private final long declared;
    private volatile Flow.Subscription subscription;
    private long received;

    Collector(int status, long declared) {
      this.status = status;
      this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declared > limit) {
        fail(new TooLarge(status, overLimit("its Content-Length " + declared + " is")));
      }
      if (body.isDone()) {
        s.cancel(); // refused before the first byte: the connection must not be reused
      } else {
        s.request(1);
      }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return; // aborted: the subscription is cancelled, drop what was in flight
      }
      for (ByteBuffer b : buffers) {
        received += b.remaining();
        if (received > limit) {
          fail(new TooLarge(status, overLimit("its body ran")));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        chunks.add(chunk);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      body.completeExceptionally(t);
    }

    @Override
    public synchronized void onComplete() {
      byte[] all = new byte[(int) received];
      int at = 0;
      for (byte[] chunk : chunks) {
        System.arraycopy(chunk, 0, all, at, chunk.length);
        at += chunk.length;
      }
      chunks.clear();
      body.complete(all);
    }

    /** Called by the JDK's reader or by the waiting thread at the deadline, hence synchronized. */
    synchronized void fail(IOException why) {
      chunks.clear();
      body.completeExceptionally(why);
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
