package org.ticketops.decision;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cell of a decision-table column may hold, worked out from the column's template code and the
 * types of the fact and result classes. A cell's text is pasted into that code by Drools, so it may
 * only be a value of the expected type, never code: a number, a boolean, an enum constant of the
 * field's type (or a comma list of them), plain text from an allow-list, or a list of such arguments
 * for a method of the result. Anything else is refused before the table compiles.
 */
sealed interface ColumnType {

    /** Plain text: letters, digits, spaces and a few punctuation marks; no quotes, backslashes or code. */
    Pattern PLAIN_TEXT = Pattern.compile("[\\p{L}\\p{N} _.,:;%()+\\-&'?!]{1,200}");
    Pattern CODE_TEXT = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");
    Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,6})?");

    /** Empty when the cell is fine, else what it should be. */
    Optional<String> refuse(String text);

    /** For messages: what the column expects. */
    String expected();

    record Number(boolean whole) implements ColumnType {
        @Override
        public Optional<String> refuse(String text) {
            String t = text.strip();
            if (!NUMBER.matcher(t).matches()) {
                return Optional.of(expected());
            }
            if (whole && new BigDecimal(t).stripTrailingZeros().scale() > 0) {
                return Optional.of(expected());
            }
            return Optional.empty();
        }

        @Override
        public String expected() {
            return whole ? "a whole number" : "a number";
        }
    }

    record Bool() implements ColumnType {
        @Override
        public Optional<String> refuse(String text) {
            return text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false")
                    ? Optional.empty() : Optional.of(expected());
        }

        @Override
        public String expected() {
            return "true or false";
        }
    }

    record Constant(Class<?> enumType, boolean list) implements ColumnType {
        @Override
        public Optional<String> refuse(String text) {
            List<String> names = Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            List<String> values = list ? Arrays.stream(text.split(",")).map(String::strip).toList() : List.of(text.strip());
            for (String value : values) {
                if (!names.contains(value)) {
                    return Optional.of(expected());
                }
            }
            return Optional.empty();
        }

        @Override
        public String expected() {
            List<String> names = Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            return (list ? "one or more of " : "one of ") + String.join(", ", names) + (list ? " (separated by commas)" : "");
        }
    }

    /** Text pasted between quotes: a code-like word ({@code REFUND_WINDOW_CLOSED}) or plain words. */
    record Text(Pattern allowed, String description) implements ColumnType {
        @Override
        public Optional<String> refuse(String text) {
            return allowed.matcher(text.strip()).matches() ? Optional.empty() : Optional.of(expected());
        }

        @Override
        public String expected() {
            return description;
        }
    }

    /** Several arguments for one method of the result, separated by commas: {@code "MEMBER", 5, true}. */
    record Arguments(List<ColumnType> types) implements ColumnType {
        @Override
        public Optional<String> refuse(String text) {
            List<String> parts = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
            if (parts.size() != types.size()) {
                return Optional.of(expected());
            }
            for (int i = 0; i < parts.size(); i++) {
                ColumnType type = types.get(i);
                String part = parts.get(i);
                if (type instanceof Text) {
                    if (part.length() < 2 || !part.startsWith("\"") || !part.endsWith("\"")
                            || type.refuse(part.substring(1, part.length() - 1)).isPresent()) {
                        return Optional.of(expected());
                    }
                } else if (type.refuse(part).isPresent()) {
                    return Optional.of(expected());
                }
            }
            return Optional.empty();
        }

        @Override
        public String expected() {
            List<String> each = new ArrayList<>();
            for (ColumnType type : types) {
                each.add(type instanceof Text ? "\"" + type.expected() + "\"" : type.expected());
            }
            return types.size() + " values separated by commas: " + String.join(", ", each);
        }
    }

    ColumnType CODE = new Text(CODE_TEXT, "a code of letters, digits, _ and -");
    ColumnType WORDS = new Text(PLAIN_TEXT, "plain text (letters, digits, spaces, . , : ; % ( ) + - & ' ? !)");

    // ---- working out a column's type from its template ---------------------------------------

    Pattern ENUM_PARAM = Pattern.compile("(\\w+)\\.\\$param\\b");
    Pattern FORALL_ENUM = Pattern.compile("forall\\([^)]*\\)\\{\\s*(\\w+)\\s*[=!<>]=?\\s*(\\w+)\\.\\$\\s*}");
    Pattern QUOTED_DECIMAL = Pattern.compile("new BigDecimal\\(\"\\$param\"\\)");
    Pattern QUOTED = Pattern.compile("\"\\$param\"");
    Pattern COMPARISON = Pattern.compile("^(\\w+)\\s*(==|!=|>=|<=|>|<)\\s*\\$param$");
    Pattern CALL = Pattern.compile("^(\\w+)\\.(\\w+)\\(\\$param\\);$");

    /**
     * The type of a column from its keyword and code; empty when this guard does not understand the code
     * (then the table can't be accepted: templates come only with a release, which must use forms it knows).
     */
    static Optional<ColumnType> of(String keyword, String code, Class<?> fact, Class<?> result, Imports imports) {
        String k = keyword.toUpperCase(Locale.ROOT);
        if (k.equals("DESCRIPTION") || k.equals("NAME")) {
            return Optional.of(WORDS);
        }
        if (k.equals("ACTIVATION-GROUP") || k.equals("AGENDA-GROUP") || k.equals("RULEFLOW-GROUP")) {
            return Optional.of(CODE);
        }
        if (k.equals("PRIORITY") || k.equals("SALIENCE")) {
            return Optional.of(new Number(true));
        }
        if (k.equals("NO-LOOP") || k.equals("LOCK-ON-ACTIVE") || k.equals("AUTO-FOCUS")) {
            return Optional.of(new Bool());
        }
        if (!k.equals("CONDITION") && !k.equals("ACTION")) {
            return Optional.empty();
        }
        String c = code.strip();
        Matcher forall = FORALL_ENUM.matcher(c);
        if (forall.matches()) {
            return imports.enumType(forall.group(2)).map(type -> new Constant(type, true));
        }
        if (QUOTED_DECIMAL.matcher(c).find()) {
            return Optional.of(new Number(false));
        }
        Matcher enumParam = ENUM_PARAM.matcher(c);
        if (enumParam.find()) {
            return imports.enumType(enumParam.group(1)).map(type -> new Constant(type, false));
        }
        if (QUOTED.matcher(c).find()) {
            return Optional.of(CODE);
        }
        Matcher comparison = COMPARISON.matcher(c);
        if (k.equals("CONDITION") && comparison.matches()) {
            return fieldType(fact, comparison.group(1)).flatMap(ColumnType::ofJava);
        }
        Matcher call = CALL.matcher(c);
        if (k.equals("ACTION") && call.matches()) {
            Method method = Arrays.stream(result.getMethods()).filter(m -> m.getName().equals(call.group(2)))
                    .findFirst().orElse(null);
            if (method == null || method.getParameterCount() == 0) {
                return Optional.empty();
            }
            if (method.getParameterCount() == 1) {
                return ofJava(method.getParameterTypes()[0]);
            }
            List<ColumnType> args = new ArrayList<>();
            for (Class<?> type : method.getParameterTypes()) {
                Optional<ColumnType> arg = type == String.class ? Optional.of(CODE) : ofJava(type);
                if (arg.isEmpty()) {
                    return Optional.empty();
                }
                args.add(arg.get());
            }
            return Optional.of(new Arguments(args));
        }
        return Optional.empty();
    }

    private static Optional<ColumnType> ofJava(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class) {
            return Optional.of(new Number(true));
        }
        if (type == double.class || type == float.class || type == BigDecimal.class) {
            return Optional.of(new Number(false));
        }
        if (type == boolean.class || type == Boolean.class) {
            return Optional.of(new Bool());
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> fieldType(Class<?> fact, String field) {
        if (fact.isRecord()) {
            for (RecordComponent component : fact.getRecordComponents()) {
                if (component.getName().equals(field)) {
                    return Optional.of(component.getType());
                }
            }
        }
        String getter = "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        String isser = "is" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return Arrays.stream(fact.getMethods()).filter(m -> m.getParameterCount() == 0)
                .filter(m -> m.getName().equals(getter) || m.getName().equals(isser)).findFirst()
                .map(Method::getReturnType);
    }

    /** The classes a table imports, to resolve the simple names in its code. */
    record Imports(List<Class<?>> classes) {
        Optional<Class<?>> byName(String simpleName) {
            return classes.stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst();
        }

        Optional<Class<?>> enumType(String simpleName) {
            return byName(simpleName).filter(Class::isEnum);
        }
    }
}
