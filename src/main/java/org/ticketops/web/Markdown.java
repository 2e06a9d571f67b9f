package org.ticketops.web;

/**
 * Puts text that people typed (a note, a customer's name, a reviewer's comment) into the Markdown that
 * Camunda Forms render, so that it shows as the text it is: every ASCII punctuation character is
 * backslash-escaped (CommonMark shows it literally), so a "# heading", a link, an image or an HTML tag
 * in the text stays text; line breaks become spaces, so the text can't start a block of its own.
 */
public final class Markdown {

    private static final String PUNCTUATION = "\\`*_{}[]()<>#+-.!|~\"'$%&,/:;=?@^";

    private Markdown() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == '\t' || c == 0x2028 || c == 0x2029) {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                // dropped: control characters have no place in a form
            } else {
                if (c < 128 && PUNCTUATION.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
