// A compile-time constant the compiler exposes to programs as a [<Literal>] of module Fid.Board
// (Name, CpuHz, UartBase, ... and a board file's own [constants]), with its F# type and literal text.
package org.fidembed.board;

import java.util.Objects;

public sealed interface BoardConstant {

    /** The F# type of the literal: {@code string}, {@code bool}, {@code int}, {@code uint32}, {@code unativeint}. */
    String fsharpType();

    /** The F# literal text, e.g. {@code "lm3s6965evb"}, {@code 12500000}, {@code 0x4000C000un}. */
    String fsharpLiteral();

    record Text(String value) implements BoardConstant {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override public String fsharpType() { return "string"; }

        @Override public String fsharpLiteral() {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
            return sb.append('"').toString();
        }
    }

    record Bool(boolean value) implements BoardConstant {
        @Override public String fsharpType() { return "bool"; }

        @Override public String fsharpLiteral() { return Boolean.toString(value); }
    }

    /** An integer of one of the 32-bit F# types (the targets are 32-bit, so unativeint is 32 bits). */
    record Int(long value, IntType type) implements BoardConstant {
        public Int {
            Objects.requireNonNull(type, "type");
            if (value < type.min || value > type.max)
                throw new IllegalArgumentException(value + " is out of range for " + type.fsharp);
        }

        @Override public String fsharpType() { return type.fsharp; }

        @Override public String fsharpLiteral() {
            return switch (type) {
                case INT -> Long.toString(value);
                case UINT32 -> String.format("0x%08Xu", value);
                case UNATIVEINT -> String.format("0x%08Xun", value);
            };
        }
    }

    enum IntType {
        INT("int", Integer.MIN_VALUE, Integer.MAX_VALUE),
        UINT32("uint32", 0, 0xFFFF_FFFFL),
        UNATIVEINT("unativeint", 0, 0xFFFF_FFFFL);

        private final String fsharp;
        private final long min;
        private final long max;

        IntType(String fsharp, long min, long max) {
            this.fsharp = fsharp;
            this.min = min;
            this.max = max;
        }

        public String fsharp() { return fsharp; }

        public boolean fits(long v) { return v >= min && v <= max; }
    }
}
