package baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Camunda 7 with its webapps as Camunda's Spring Boot starters give it, nothing of the product: the
 * start-up baseline of {@code org.opencollab.benchmark.PerformanceBenchmark}, which runs it in a
 * JVM of its own from this class alone plus the library jars, so no class or resource of the
 * product is on its class path.
 *
 * <p>It lives outside {@code org.opencollab} on purpose: Spring Boot's tests look for a {@code
 * SpringBootConfiguration} in their own package and the packages below and above it, and the
 * product's component scan covers {@code org.opencollab}; neither may find this class.
 */
@SpringBootApplication
public class BareCamunda {

  public static void main(String[] args) {
    SpringApplication.run(BareCamunda.class, args);
  }
}
