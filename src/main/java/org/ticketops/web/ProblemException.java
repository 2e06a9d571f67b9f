package org.ticketops.web;

import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A refusal that a client can act on. Each capability names its own ({@code RefundWindowClosed},
 * {@code NotEnoughTickets}, ...); {@link ProblemDetailsAdvice} turns every one of them into RFC 9457
 * problem details with a stable {@code code}. It is the engine's {@link BadUserRequestException} too,
 * so a refusal raised inside a process step (a Tasklist start form with a typo) is what the engine
 * and its REST API treat as the caller's mistake: a 400 with the message, logged at DEBUG, not an
 * internal error with a stack trace. It knows nothing of HTTP: its {@link Kind} says what sort of
 * refusal it is, and {@link ProblemDetailsAdvice} picks the status for it at the edge.
 */
public abstract class ProblemException extends BadUserRequestException {

    /** What sort of refusal this is; the web edge turns it into a status. */
    public enum Kind {
        /** The input is malformed or misses something (400). */
        INVALID,
        /** What it names does not exist (404). */
        NOT_FOUND,
        /** A rule of the business or of who may do what forbids it (403). */
        FORBIDDEN,
        /** It clashes with the current state (409). */
        CONFLICT,
        /** Well-formed, but the business refuses it as it is (422). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    protected ProblemException(Kind kind, String code, String title, String detail) {
        this(kind, code, title, detail, Map.of());
    }

    protected ProblemException(Kind kind, String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public Kind kind() {
        return kind;
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
