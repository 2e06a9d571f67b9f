package org.ticketops.web;

import java.util.Map;


/** An id that names nothing: 404. */
public class NotFound extends ProblemException {

    public NotFound(String what, Object id) {
        super(Kind.NOT_FOUND, "NOT_FOUND", "Not found", "No " + what + " with id " + id + ".",
                Map.of("resource", what, "id", String.valueOf(id)));
    }
}
