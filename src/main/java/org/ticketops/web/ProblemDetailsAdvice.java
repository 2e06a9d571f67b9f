package org.ticketops.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of {@code /api/**} into RFC 9457 problem details: {@code type}, {@code title},
 * {@code status}, {@code detail}, a stable {@code code} and, for bad input, {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    /** Members of RFC 9457 itself, which an exception's own properties must never replace. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail", "instance", "code");

    static URI type(String code) {
        return URI.create("urn:ticketops:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** The HTTP status of each kind of refusal: decided here, at the edge, not by the domain. */
    static HttpStatus status(ProblemException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException e) {
        HttpStatus status = status(e.kind());
        log.warn("Refused ({} {}): {}", status.value(), e.code(), e.getMessage());
        ProblemDetail problem = problem(status, e.code(), e.title(), e.getMessage());
        e.properties().forEach((name, value) -> {
            if (!RESERVED.contains(name)) {
                problem.setProperty(name, value);
            }
        });
        return ResponseEntity.status(status).body(problem);
    }

    /** The four-eyes rule refused a decision: 403 with its own code. */
    @ExceptionHandler(org.ticketops.identity.FourEyesViolation.class)
    ResponseEntity<ProblemDetail> onFourEyes(org.ticketops.identity.FourEyesViolation e) {
        log.warn("Refused (403 FOUR_EYES): {}", e.getMessage());
        String detail = e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip();
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN,
                org.ticketops.identity.FourEyesViolation.CODE, "Four-eyes rule", detail));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> onConstraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> onIntegrity(DataIntegrityViolationException e) {
        log.warn("Refused a write that broke a database constraint: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "CONFLICT", "Conflict",
                "The change conflicts with the current state of the data; nothing was changed."));
    }

    /** Two changes to one process instance at once (a withdrawal while a reviewer completes): one loses. */
    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> onConcurrentChange(org.camunda.bpm.engine.OptimisticLockingException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                "Changed meanwhile", "Someone changed this at the same moment; nothing was changed. Reload and try again."));
    }

    /** The database chose this request as the loser of a lock wait (a deadlock, a lock timeout): nothing was changed. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> onLockConflict(RuntimeException e) {
        log.warn("Lock conflict, request rolled back: {}",
                org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                "Changed meanwhile", "Another change held the same data at this moment; nothing was changed. Try again."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        if (e instanceof RuntimeException runtime && org.ticketops.platform.LockLosers.lost(e)) {
            // the engine's own SQL lost a lock wait: wrapped in its exception, it is the same conflict
            return onLockConflict(runtime);
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Internal error", "Something went wrong on our side; nothing was changed. The error is logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new FieldError(name, err.getDefaultMessage())));
        }
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof JsonParseException || cause instanceof JsonParseException) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed JSON",
                    "The request body is not valid JSON."));
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return ResponseEntity.badRequest().body(validation(List.of(new FieldError(field, message(mapping)))));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Unreadable request",
                "The request body is missing or cannot be read."));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(validation(List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return ResponseEntity.badRequest().body(validation(List.of(new FieldError(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
                                                        HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> required = e.getRequiredType();
        return ResponseEntity.badRequest().body(validation(List.of(new FieldError(field, expected(required)))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> onMissingHeader(MissingRequestHeaderException e) {
        return ResponseEntity.badRequest().body(validation(List.of(new FieldError(e.getHeaderName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
            body = error.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            String code = HttpStatus.valueOf(statusCode.value()).name();
            problem.setType(type(code));
            problem.setProperty("code", code);
            log.warn("Refused ({} {}): {}", statusCode.value(), code, problem.getDetail());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail validation(List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, "Invalid request",
                detail.isEmpty() ? "The request is invalid." : detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return expected(target);
        }
        if (e instanceof ValueInstantiationException) {
            return "is invalid";
        }
        if (e instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            if (target != null && target.isPrimitive() && e.getOriginalMessage().contains("null")) {
                return "is required";
            }
            return expected(target);
        }
        return "is invalid";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        String name = type.getSimpleName();
        return switch (name) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "must be a whole number";
            case "BigDecimal", "double", "Double" -> "must be a decimal number";
            case "boolean", "Boolean" -> "must be true or false";
            case "Instant", "OffsetDateTime" -> "must be an ISO-8601 date-time with offset";
            case "LocalDate" -> "must be an ISO-8601 date";
            case "List", "Set" -> "must be a list";
            case "String" -> "must be a string";
            default -> "has the wrong type (" + name + ")";
        };
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
