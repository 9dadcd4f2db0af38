package io.vtmsync.app;

import java.util.Locale;
import java.util.Map;

/**
 * Logging for a one-shot command ({@code render}): Log4j's simple logger on stderr instead of
 * log4j-core. Starting log4j-core (plugin registry, configuration, layouts: ~700 classes) took
 * about 0.7 s of a command that prints one document and normally logs nothing. {@code
 * LOG_FORMAT=json} keeps log4j-core, as that format is a promise to log collectors.
 */
final class OneShotLogging {

  private static final String PREFIX = "org.apache.logging.log4j.simplelog.";

  private OneShotLogging() {}

  /** Must run before the first logger is asked for; {@code env} gives LOG_FORMAT and LOG_LEVEL. */
  static void use(Map<String, String> env) {
    if ("json".equalsIgnoreCase(env.get("LOG_FORMAT"))) {
      return;
    }
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    // The full configuration quiets fabric8's retry chatter below ERROR; WARN is the floor here.
    String level = env.getOrDefault("LOG_LEVEL", "warn").toUpperCase(Locale.ROOT);
    System.setProperty(PREFIX + "level", level);
    System.setProperty(PREFIX + "logFile", "system.err");
    System.setProperty(PREFIX + "showdatetime", "true");
    System.setProperty(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
  }
}
