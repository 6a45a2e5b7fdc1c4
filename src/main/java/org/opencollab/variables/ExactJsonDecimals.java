package org.opencollab.variables;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;

/**
 * Makes Camunda Spin read Json numbers as exact decimals, so a Json variable holding {@code
 * 30000.00} reads back as {@code 30000.00} and never passes through a binary double
 * (docs/money.md). Registered in {@code
 * META-INF/services/org.camunda.spin.spi.DataFormatConfigurator}.
 */
public class ExactJsonDecimals implements DataFormatConfigurator<JacksonJsonDataFormat> {

  @Override
  public Class<JacksonJsonDataFormat> getDataFormatClass() {
    return JacksonJsonDataFormat.class;
  }

  @Override
  public void configure(JacksonJsonDataFormat dataFormat) {
    dataFormat
        .getObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  }
}
