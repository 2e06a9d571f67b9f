package org.ticketops.pricing;

import java.util.ArrayList;
import java.util.List;

/** What the rows of the discount-eligibility table write (its global {@code result}). */
public final class DiscountRuling {

    private final List<Discount> eligible = new ArrayList<>();
    private String excludedBy;
    private Integer maximumPercent;

    public void eligible(String code, int percent, boolean stackable) {
        eligible.add(new Discount(code, percent, stackable));
    }

    public void exclude(String reason) {
        excludedBy = reason;
    }

    public void setMaximumPercent(int maximumPercent) {
        this.maximumPercent = maximumPercent;
    }

    List<Discount> eligible() {
        return excludedBy == null ? List.copyOf(eligible) : List.of();
    }

    Integer maximumPercent() {
        return maximumPercent;
    }
}
