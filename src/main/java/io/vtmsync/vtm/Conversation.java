package io.vtmsync.vtm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One job of a lane (a plan, a sweep, a heartbeat) as a chain of REST requests, driven by the lane
 * route: the route asks for the {@link #request() request} waiting, makes it with camel-http, and
 * hands the answer back, which runs the chain on to its next request or to its result. The
 * decisions are Java (futures composed by the writers); the requests are the route's steps.
 *
 * <p>Not thread-safe, and need not be: one lane worker drives a conversation from start to end, and
 * every stage of the chain runs in that worker as the answer completes it.
 */
public final class Conversation {

  private VtmRequest request;
  private CompletableFuture<VtmAnswer> waiting;
  private CompletableFuture<?> outcome;
  private long sentAtNanos;

  /** Starts the chain; it runs until its first request (or to its end without one). */
  static Conversation start(Function<Conversation, CompletableFuture<?>> chain) {
    Conversation c = new Conversation();
    try {
      c.outcome = chain.apply(c);
    } catch (RuntimeException e) {
      c.outcome = CompletableFuture.failedFuture(e);
    }
    return c;
  }

  /** Asks for one request; the future completes when the route hands its answer back. */
  CompletableFuture<VtmAnswer> send(VtmRequest next) {
    if (waiting != null) {
      throw new IllegalStateException("one request at a time: " + request + " is waiting");
    }
    request = next;
    waiting = new CompletableFuture<>();
    sentAtNanos = System.nanoTime();
    return waiting;
  }

  /** True while a request waits to be made. */
  public boolean isWaiting() {
    return waiting != null;
  }

  /** The request to make now, or null. */
  public VtmRequest request() {
    return waiting == null ? null : request;
  }

  long sentAtNanos() {
    return sentAtNanos;
  }

  /** The route made the request: this runs the chain on, up to its next request or its end. */
  void answered(VtmAnswer answer) {
    take().complete(answer);
  }

  /** The request got no usable answer. */
  void failed(RuntimeException why) {
    take().completeExceptionally(why);
  }

  private CompletableFuture<VtmAnswer> take() {
    CompletableFuture<VtmAnswer> w = waiting;
    if (w == null) {
      throw new IllegalStateException("no request is waiting");
    }
    waiting = null;
    return w;
  }

  /** The chain's result once no request waits; its failure is thrown as it was raised. */
  Object result() {
    if (waiting != null || !outcome.isDone()) {
      throw new IllegalStateException("the conversation has not ended: " + request + " waits");
    }
    try {
      return outcome.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
