// How diagnostics and progress lines are coloured on a terminal: ANSI colour for errors (red), warnings
// (yellow) and places (bold), or plain text when standard error is not a terminal, NO_COLOR is set or
// --no-color was given.
package org.fidembed.diag;

public enum Style {
    PLAIN, ANSI;

    /** ANSI when the stream is a terminal and neither NO_COLOR nor --no-color asks for plain text. */
    public static Style choose(boolean terminal, boolean noColorOption) {
        String noColor = System.getenv("NO_COLOR");
        boolean off = noColorOption || (noColor != null && !noColor.isEmpty());
        return terminal && !off ? ANSI : PLAIN;
    }

    public String error(String s) { return wrap("1;31", s); }
    public String warning(String s) { return wrap("1;33", s); }
    public String bold(String s) { return wrap("1", s); }
    public String caret(String s) { return wrap("1;32", s); }
    public String ok(String s) { return wrap("32", s); }

    private String wrap(String code, String s) { return this == ANSI ? "\033[" + code + "m" + s + "\033[0m" : s; }
}
