package org.opencollab.incentive;

import java.math.BigDecimal;

/** The outputs of DMN {@code incentivePolicy}: process owners set them there, not in Java. */
public record IncentivePolicy(
    BigDecimal poolRate,
    BigDecimal freeRiderThreshold,
    BigDecimal starThreshold,
    int starPromotionPoints) {}
