package org.ticketops.web;

/** One entry of the {@code errors} member of a validation problem. */
public record FieldError(String field, String message) {
}
