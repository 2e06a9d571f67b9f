package org.ticketops.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.identity.FourEyesViolation;

/**
 * The engine wraps what a task listener throws (ENGINE-03051), so a refusal raised while a task is
 * completed (the four-eyes rule, a missing comment) would reach Tasklist and {@code /engine-rest} as an
 * internal error. This mapper unwraps it: a {@link FourEyesViolation} answers 403, any other
 * {@link ProblemException} the status of its kind (as on our own API), each with its {@code code} and its own message (which Tasklist shows),
 * logged as one WARN line. Everything else goes to the engine's own handler unchanged.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

    @Bean
    ResourceConfigCustomizer engineRestRefusalMapper() {
        return config -> config.register(EngineExceptions.class).register(RestExceptions.class);
    }

    /** What the engine's API throws as it is. */
    @Priority(1)
    static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusal(exception).orElseGet(() -> engineDefault.toResponse(exception));
        }
    }

    /** What the engine's REST resources wrap ("Cannot complete task ...: ..."). */
    @Priority(1)
    static class RestExceptions implements ExceptionMapper<RestException> {
        private final RestExceptionHandler restDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return refusal(exception).orElseGet(() -> restDefault.toResponse(exception));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EngineRestRefusals.class);

    static java.util.Optional<Response> refusal(Throwable exception) {
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof FourEyesViolation fourEyes) {
                return java.util.Optional.of(refuse(403, fourEyes.getClass().getSimpleName(), FourEyesViolation.CODE,
                        fourEyes.getMessage()));
            }
            if (cause instanceof ProblemException problem) {
                return java.util.Optional.of(refuse(ProblemDetailsAdvice.status(problem.kind()).value(),
                        problem.getClass().getSimpleName(), problem.code(), problem.getMessage()));
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return java.util.Optional.empty();
    }

    private static Response refuse(int status, String type, String code, String message) {
        log.warn("Refused over /engine-rest ({} {}): {}", status, code, message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("code", code);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
