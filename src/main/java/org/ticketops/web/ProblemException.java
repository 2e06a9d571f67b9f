package org.ticketops.web;

import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;

/**
 * A refusal that a client can act on. Each capability names its own ({@code RefundWindowClosed},
 * {@code NotEnoughTickets}, ...); {@link ProblemDetailsAdvice} turns every one of them into RFC 9457
 * problem details with a stable {@code code}. It is the engine's {@link BadUserRequestException} too,
 * so a refusal raised inside a process step (a Tasklist start form with a typo) is what the engine
 * and its REST API treat as the caller's mistake: a 400 with the message, logged at DEBUG, not an
 * internal error with a stack trace.
 */
public abstract class ProblemException extends BadUserRequestException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    protected ProblemException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    protected ProblemException(HttpStatus status, String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable, machine-readable reason, for example {@code TICKET_ALREADY_IN_REQUEST}. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem details (for example the limit that was exceeded). */
    public Map<String, Object> properties() {
        return properties;
    }
}
