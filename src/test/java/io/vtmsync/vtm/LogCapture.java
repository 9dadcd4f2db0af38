package io.vtmsync.vtm;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects what loggers under a name prefix write, as "LEVEL message" lines, while open. It hangs
 * on the root logger config, so logger configs that other captures left behind do not hide events.
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final String prefix;
  private final LoggerConfig root;

  LogCapture(String loggerPrefix) {
    super("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    this.prefix = loggerPrefix;
    start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    this.root = context.getConfiguration().getRootLogger();
    root.addAppender(this, null, null);
  }

  @Override
  public void append(LogEvent event) {
    if (!event.getLoggerName().startsWith(prefix)) {
      return;
    }
    String thrown =
        event.getThrown() == null ? "" : " " + SimClusters.everything(event.getThrown());
    lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage() + thrown);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    root.removeAppender(getName());
    stop();
  }
}
