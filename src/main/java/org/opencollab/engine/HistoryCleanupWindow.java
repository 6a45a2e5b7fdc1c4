package org.opencollab.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.opencollab.config.EnginePlugins;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda's history cleanup removes what has outlived its history time to live (3650 days for every
 * process and decision of the product) only inside a nightly window, {@code
 * collab.history.cleanup-window} ({@code HH:mm-HH:mm}, the server's time; default {@code
 * 22:00-06:00}), so it never competes with the day's work.
 */
@Component
@Order(EnginePlugins.HISTORY_CLEANUP_WINDOW)
public class HistoryCleanupWindow extends AbstractProcessEnginePlugin {

  private static final Pattern WINDOW =
      Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");

  private final String start;
  private final String end;

  public HistoryCleanupWindow(
      @Value("${collab.history.cleanup-window:22:00-06:00}") String window) {
    Matcher parsed = WINDOW.matcher(window.trim());
    if (!parsed.matches()) {
      throw new IllegalArgumentException(
          "collab.history.cleanup-window must read HH:mm-HH:mm, for example 22:00-06:00, not "
              + window);
    }
    this.start = parsed.group(1) + ":" + parsed.group(2);
    this.end = parsed.group(3) + ":" + parsed.group(4);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(start);
    configuration.setHistoryCleanupBatchWindowEndTime(end);
  }

  String start() {
    return start;
  }

  String end() {
    return end;
  }
}
