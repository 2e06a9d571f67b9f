package org.ticketops.decision;

import java.time.Duration;
import java.util.Map;

import org.ticketops.web.ProblemException;

/** A compile that took longer than {@code ticketops.decisions.compile-timeout}, or waited that long for its turn. */
public class CompileTimedOut extends ProblemException {

    public CompileTimedOut(String table, Duration limit) {
        super(Kind.UNPROCESSABLE, "COMPILE_TIMEOUT", "Compile took too long",
                "Decision table " + table + " did not compile within " + limit.toSeconds()
                        + " s; it was refused and the active version stays in force.",
                Map.of("timeoutSeconds", limit.toSeconds()));
    }
}
