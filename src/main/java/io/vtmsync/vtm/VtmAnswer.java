package io.vtmsync.vtm;

/** What a cluster answered to one {@link VtmRequest}: the HTTP status and the body (capped). */
record VtmAnswer(int status, byte[] body) {

  VtmAnswer {
    body = body == null ? new byte[0] : body;
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }
}
