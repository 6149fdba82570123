// F# names for SVD names: keywords and reserved words in double backticks, a leading digit behind an
// underscore, and a name that would hide a generated member (read, Mask, ...) with an underscore added.
package org.fidembed.device;

import java.util.Set;

final class FsNames {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "and", "as", "assert", "base", "begin", "class", "default", "delegate", "do", "done", "downcast", "downto",
            "elif", "else", "end", "exception", "extern", "false", "finally", "fixed", "for", "fun", "function", "global", "if", "in",
            "inherit", "inline", "interface", "internal", "lazy", "let", "match", "member", "module", "mutable", "namespace", "new",
            "not", "null", "of", "open", "or", "override", "private", "public", "rec", "return", "select", "sig", "static", "struct",
            "then", "to", "true", "try", "type", "upcast", "use", "val", "void", "when", "while", "with", "yield", "const",
            "atomic", "break", "checked", "component", "constraint", "constructor", "continue", "eager", "event", "external",
            "functor", "include", "method", "mixin", "object", "parallel", "process", "protected", "pure", "sealed", "tailcall",
            "trait", "virtual", "volatile", "asr", "land", "lor", "lxor", "lsl", "lsr", "mod", "params", "id");

    private FsNames() { }

    /** An F# identifier for {@code svdName}, not equal to any of {@code taken}. */
    static String of(String svdName, Set<String> taken) {
        String n = svdName.replaceAll("[^A-Za-z0-9_]", "_");
        if (n.isEmpty() || Character.isDigit(n.charAt(0))) n = "_" + n;
        while (taken.contains(n)) n = n + "_";
        return KEYWORDS.contains(n) ? "``" + n + "``" : n;
    }
}
