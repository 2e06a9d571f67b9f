package org.ticketops.web;

/** CSV for spreadsheets: a text cell quoted, and a leading formula sign (= + - @) defused so that no cell runs. */
public final class Csv {

    private Csv() {
    }

    public static String cell(String text) {
        String t = text == null ? "" : text;
        String safe = !t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0 ? "'" + t : t;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
