package org.opencollab.loss;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * What the loss statement is computed from; the involved departments are the keys of the shares.
 */
public record LossInput(
    String opportunityId,
    BigDecimal lossAmount,
    SortedMap<String, Integer> departmentShares,
    SortedMap<String, DepartmentInput> departmentInputs) {}
