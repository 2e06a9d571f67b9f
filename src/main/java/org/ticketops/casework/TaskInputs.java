package org.ticketops.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ticketops.web.InvalidField;

/**
 * Reading what a start form or a task form sent, for every process's steps: who acts (the engine's authenticated
 * user), text, whole numbers, amounts, dates, times and enum values, each refused with a 400 naming the field when it
 * is not what it should be. A blank field reads as null.
 */
public final class TaskInputs {

    private TaskInputs() {
    }

    /** Who completes the task: the engine's authenticated user, else the assignee (a call without log-in). */
    public static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() == null ? "unknown" : task.getAssignee();
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    public static Long wholeNumber(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number");
        }
    }

    public static BigDecimal amount(VariableScope scope, String name) {
        String text = text(scope, name);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.scale() > 2) {
                throw new InvalidField(name, "has at most two decimals");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be an amount such as 120.50");
        }
    }

    public static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        String text = text(scope, name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField(name, "must be a date such as 2026-12-31");
        }
    }

    public static OffsetDateTime time(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        String text = text(scope, name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField(name, "must be a time with its offset, such as 2026-12-20T19:30+08:00");
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, VariableScope scope, String name) {
        String text = text(scope, name);
        try {
            return text == null ? null : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static <T> T required(T value, String name) {
        if (value == null) {
            throw new InvalidField(name, "is required");
        }
        return value;
    }
}
