package org.ticketops.web;

import java.util.List;
import java.util.Map;


/** Input that a service found wrong after the request parsed: 400 naming the field. */
public class InvalidField extends ProblemException {

    public InvalidField(String field, String message) {
        super(Kind.INVALID, "VALIDATION_FAILED", "Invalid request", field + ": " + message,
                Map.of("errors", List.of(new FieldError(field, message))));
    }
}
