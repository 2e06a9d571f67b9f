package org.ticketops.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** An id that names nothing: 404. */
public class NotFound extends ProblemException {

    public NotFound(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "No " + what + " with id " + id + ".",
                Map.of("resource", what, "id", String.valueOf(id)));
    }
}
