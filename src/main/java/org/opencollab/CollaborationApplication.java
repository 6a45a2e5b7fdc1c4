package org.opencollab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Cross-department opportunity collaboration on Camunda 7: engine, webapps and REST in one
 * application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CollaborationApplication {

  public static void main(String[] args) {
    SpringApplication.run(CollaborationApplication.class, args);
  }
}
