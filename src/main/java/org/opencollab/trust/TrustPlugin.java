package org.opencollab.trust;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.opencollab.config.EnginePlugins;
import org.opencollab.trust.doors.ConfidentialDoors;
import org.opencollab.trust.doors.Door;
import org.opencollab.trust.doors.Doors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the record trustworthy whatever the configuration file says: the {@link DoorGuard} in front
 * of every command, {@code TASK_WORK} (not {@code UPDATE}) for the people a task is given to,
 * expressions off in ad-hoc queries, Java-serialized variables refused, and history read per task.
 */
@Component
@Order(EnginePlugins.TRUST)
public class TrustPlugin extends AbstractProcessEnginePlugin {

  private final Doors doors;
  private final ConfidentialDoors confidential;

  public TrustPlugin(List<Door<?>> doors, ConfidentialDoors confidential) {
    this.doors = new Doors(doors);
    this.confidential = confidential;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new DoorGuard(doors, confidential, configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setJavaSerializationFormatEnabled(false);
    // An Object value names the class it is read into: only harmless classes (Camunda's default
    // list).
    configuration.setDeserializationTypeValidationEnabled(true);
    // The people a task is given to also read that task's history (Camunda's comment resource looks
    // a task up there). Camunda extends that to the variable history of the whole instance, which
    // VariableHistoryDoor keeps for auditors, process owners and administrators.
    configuration.setEnableHistoricInstancePermissions(true);
  }
}
