package org.opencollab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.opencollab.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** History is kept 3650 days and cleaned only at night. */
@ApplicationTest
class HistoryCleanupWindowTest {

  @Autowired ProcessEngine engine;

  @Test
  void theCleanupRunsInTheNightWindow() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
  }

  @Test
  void aWindowThatIsNotHhMmToHhMmIsRefusedWithItsName() {
    assertThatThrownBy(() -> new HistoryCleanupWindow("25:00-06:00"))
        .hasMessageContaining("collab.history.cleanup-window");
    assertThat(new HistoryCleanupWindow(" 01:30-04:45 ").end()).isEqualTo("04:45");
  }
}
