package org.ticketops.pricing;

import java.util.List;

/**
 * The discount-eligibility table's answer.
 *
 * @param appliedCodes what was applied, the non-stackable discount first
 */
public record DiscountDecision(List<Discount> eligible, int appliedPercent, List<String> appliedCodes) {
}
