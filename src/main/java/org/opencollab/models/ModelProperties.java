package org.opencollab.models;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models that process owners edit are read from at start-up.
 *
 * @param roots Spring resource locations of model folders; the build copies {@code processes/} and
 *     {@code decisions/} onto the class path, so the defaults find them in a jar and in a {@code
 *     mvn spring-boot:run} alike
 */
@ConfigurationProperties("collab.models")
public record ModelProperties(
    @DefaultValue({"classpath*:processes/", "classpath*:decisions/"}) List<String> roots,
    @DefaultValue("collaboration-models") String deploymentName) {}
