package org.opencollab.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.opencollab.config.EnginePlugins;
import org.opencollab.engine.StartUpWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN and Camunda Forms files of the top-level {@code processes/} and {@code
 * decisions/} folders when the engine starts.
 *
 * <p>Camunda's starter would deploy only BPMN, CMMN and DMN, and would name resources by their
 * absolute file path, so a fresh clone in another folder would look like all-new models. Here each
 * resource is named by its path inside its folder ({@code processes/opportunityToDelivery.bpmn})
 * and the deployment filters unchanged resources: a restart with unchanged models deploys nothing,
 * and a changed model gets a new version alone.
 */
@Component
@Order(EnginePlugins.MODEL_DEPLOYER)
// The health check's timer start reads bean healthCheckSchedule when it is deployed, in the
// start-up thread: it exists before the engine, so that thread never creates a bean.
@DependsOn("healthCheckSchedule")
public class ModelDeployer extends AbstractProcessEnginePlugin {

  static final List<String> MODEL_EXTENSIONS =
      List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".html");
  static final String SOURCE = "collab-startup";
  static final String EMBEDDED_DEPLOYMENT = "embedded:deployment:";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final ModelProperties properties;
  private final StartUpWork startUpWork;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  /** Deploys when the engine is built, in the caller's thread. */
  public ModelDeployer(ModelProperties properties) {
    this(properties, StartUpWork.inPlace());
  }

  /** Deploys in the application's start-up thread, after the identities ({@link StartUpWork}). */
  @Autowired
  public ModelDeployer(ModelProperties properties, StartUpWork startUpWork) {
    this.properties = properties;
    this.startUpWork = startUpWork;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startUpWork.submit("deploying the models", () -> deploy(processEngine.getRepositoryService()));
  }

  /**
   * @return the names of the resources that were new or changed; empty when every model was
   *     unchanged
   */
  public List<String> deploy(RepositoryService repositoryService) {
    Map<String, Resource> models = findModels();
    if (models.isEmpty()) {
      LOG.warn("No models found in {}", properties.roots());
      return List.of();
    }
    String previous = latestDeploymentId(repositoryService);
    DeploymentBuilder deployment =
        repositoryService
            .createDeployment()
            .name(properties.deploymentName())
            .source(SOURCE)
            .enableDuplicateFiltering(true);
    models.forEach(
        (name, resource) -> {
          try (InputStream content = resource.getInputStream()) {
            deployment.addInputStream(name, content);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name, e);
          }
        });
    String deploymentId = deployment.deploy().getId();
    if (deploymentId.equals(previous)) {
      LOG.info("Models unchanged, nothing deployed: {}", models.keySet());
      return List.of();
    }
    List<String> changed =
        new ArrayList<>(repositoryService.getDeploymentResourceNames(deploymentId));
    changed.addAll(redeployProcessesOfChangedEmbeddedForms(repositoryService, models, changed));
    List<String> sorted = changed.stream().distinct().sorted().toList();
    LOG.info("Deployed new or changed models: {}", sorted);
    return sorted;
  }

  /**
   * Tasklist loads an {@code embedded:deployment:} form from the deployment of the task's process
   * definition. A changed form deployed alone would never be shown, so every process that uses a
   * changed embedded form is deployed again together with its forms.
   */
  private List<String> redeployProcessesOfChangedEmbeddedForms(
      RepositoryService repositoryService, Map<String, Resource> models, List<String> changed) {
    List<String> changedForms = changed.stream().filter(name -> name.endsWith(".html")).toList();
    Map<String, String> users = new TreeMap<>();
    models.forEach(
        (name, resource) -> {
          if (name.endsWith(".bpmn") && !changed.contains(name)) {
            String bpmn = read(name, resource);
            if (changedForms.stream().anyMatch(form -> bpmn.contains(EMBEDDED_DEPLOYMENT + form))) {
              users.put(name, bpmn);
            }
          }
        });
    if (users.isEmpty()) {
      return List.of();
    }
    DeploymentBuilder deployment =
        repositoryService.createDeployment().name(properties.deploymentName()).source(SOURCE);
    users.forEach(deployment::addString);
    models.forEach(
        (name, resource) -> {
          if (name.endsWith(".html")
              && users.values().stream()
                  .anyMatch(bpmn -> bpmn.contains(EMBEDDED_DEPLOYMENT + name))) {
            deployment.addString(name, read(name, resource));
          }
        });
    deployment.deploy();
    return List.copyOf(users.keySet());
  }

  private static String read(String name, Resource resource) {
    try (InputStream content = resource.getInputStream()) {
      return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + name, e);
    }
  }

  private String latestDeploymentId(RepositoryService repositoryService) {
    return repositoryService
        .createDeploymentQuery()
        .deploymentName(properties.deploymentName())
        .orderByDeploymentTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .findFirst()
        .map(d -> d.getId())
        .orElse(null);
  }

  /** Model resources by their name: the root folder's name, then the path inside it. */
  Map<String, Resource> findModels() {
    Map<String, Resource> models = new TreeMap<>();
    for (String root : properties.roots()) {
      String rootWithSlash = root.endsWith("/") ? root : root + "/";
      String folder = folderName(rootWithSlash);
      try {
        for (Resource rootResource : resolver.getResources(rootWithSlash)) {
          String rootUrl = rootResource.getURL().toString();
          for (Resource resource : resolver.getResources(rootUrl + "**/*")) {
            String url = resource.getURL().toString();
            if (resource.isReadable() && isModel(url) && url.startsWith(rootUrl)) {
              models.putIfAbsent(folder + "/" + url.substring(rootUrl.length()), resource);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read models from " + root, e);
      }
    }
    return models;
  }

  private static boolean isModel(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return MODEL_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  private static String folderName(String rootWithSlash) {
    String path = rootWithSlash.substring(0, rootWithSlash.length() - 1);
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
  }
}
