package io.vtmsync.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects what loggers under a name prefix write, as "LEVEL message | cause | cause" lines, while
 * open. It hangs on the root logger config, so every logger's events reach it.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final String prefix;
  private final LoggerConfig root;

  /** Everything any logger writes. */
  public LogCapture() {
    this("");
  }

  public LogCapture(String loggerPrefix) {
    super("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    this.prefix = loggerPrefix;
    start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    this.root = context.getConfiguration().getRootLogger();
    root.addAppender(this, Level.ALL, null);
    context.updateLoggers();
  }

  @Override
  public void append(LogEvent event) {
    if (!event.getLoggerName().startsWith(prefix)) {
      return;
    }
    StringBuilder sb =
        new StringBuilder(event.getLevel() + " " + event.getMessage().getFormattedMessage());
    for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
      sb.append(" | ").append(t);
    }
    lines.add(sb.toString());
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String all() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    root.removeAppender(getName());
    ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    stop();
  }
}
