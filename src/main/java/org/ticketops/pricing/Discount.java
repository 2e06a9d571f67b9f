package org.ticketops.pricing;

/** A discount a purchase is eligible for; a stackable one adds to the best non-stackable one. */
public record Discount(String code, int percent, boolean stackable) {
}
