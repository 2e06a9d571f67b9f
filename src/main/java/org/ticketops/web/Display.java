package org.ticketops.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How people read values on pages, task forms, messages and outcomes, the same everywhere: times in the center's
 * zone ({@code Sat 5 Dec 2026, 19:30}), money with its currency ({@code CNY 3,760.00}), enum names as words
 * ({@code CUSTOMER_CHOICE} → {@code Customer's choice}).
 */
public final class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Display() {
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "–" : TIME.format(instant.atZone(zone));
    }

    /** {@code CNY 3,760.00}; "–" for no amount. */
    public static String money(BigDecimal amount) {
        return amount == null ? "–" : "CNY " + String.format(Locale.ENGLISH, "%,.2f", amount);
    }

    /** An enum name as people read it: {@code CUSTOMER_CHOICE} → {@code Customer's choice}, {@code VIP} stays. */
    public static String words(Object value) {
        if (value == null) {
            return "–";
        }
        String name = String.valueOf(value);
        if (name.equals("CUSTOMER_CHOICE")) {
            return "Customer's choice";
        }
        if (name.equals("VIP")) {
            return "VIP";
        }
        String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The most characters a text a task form shows may have: the engine keeps a string variable in 4,000. */
    public static final int FORM_TEXT = 3900;

    /**
     * A markdown table for a task form: the header and as many rows as fit in {@link #FORM_TEXT} characters, then, when
     * rows were left out, {@code more} told how many were shown ({@code more.apply(shown)}).
     */
    public static String formTable(String header, java.util.List<String> rows,
                                   java.util.function.IntFunction<String> more) {
        StringBuilder table = new StringBuilder(header);
        int shown = 0;
        for (String row : rows) {
            String note = shown + 1 < rows.size() ? more.apply(shown + 1) : "";
            if (table.length() + row.length() + note.length() + 2 > FORM_TEXT) {
                break;
            }
            table.append(row);
            shown++;
        }
        if (shown < rows.size()) {
            table.append('\n').append(more.apply(shown));
        }
        return table.toString();
    }

    /** A text for a task form, cut to {@link #FORM_TEXT} characters (ending in an ellipsis) when longer. */
    public static String formText(String text) {
        return text == null || text.length() <= FORM_TEXT ? text : text.substring(0, FORM_TEXT - 1) + "…";
    }
}
