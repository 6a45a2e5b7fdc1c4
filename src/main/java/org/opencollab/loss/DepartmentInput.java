package org.opencollab.loss;

import java.math.BigDecimal;

/** What a department put into an opportunity: hours worked and cost in CNY. */
public record DepartmentInput(BigDecimal hours, BigDecimal cost) {}
