// picocli converters for the flasher's options: line modes (8E1/8N1) and addresses in hex or decimal.
// Bad values become picocli parameter errors, so the command exits with 2 as docs/cli.md says.
package org.fidembed.flasher.cli;

import org.fidembed.flasher.LineMode;
import picocli.CommandLine;

final class Converters {
    private Converters() {}

    static final class Line implements CommandLine.ITypeConverter<LineMode> {
        @Override
        public LineMode convert(String value) {
            try {
                return LineMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** "0-3,8" to [0, 1, 2, 3, 8]; "all" to the empty list (the whole flash). */
    static java.util.List<Integer> pages(String spec) {
        if (spec.equalsIgnoreCase("all")) {
            return java.util.List.of();
        }
        java.util.TreeSet<Integer> pages = new java.util.TreeSet<>();
        try {
            for (String part : spec.split(",")) {
                String[] r = part.trim().split("-", 2);
                int from = Integer.parseInt(r[0].trim());
                int to = r.length == 2 ? Integer.parseInt(r[1].trim()) : from;
                if (from < 0 || to < from || to - from > 65535) {
                    throw new NumberFormatException();
                }
                for (int p = from; p <= to; p++) {
                    pages.add(p);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--erase: '" + spec + "' is neither 'all' nor pages such as 0-3,8");
        }
        return java.util.List.copyOf(pages);
    }

    static final class Address implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                String v = value.trim();
                long a = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
                if (a < 0 || a > 0xFFFF_FFFFL) {
                    throw new NumberFormatException();
                }
                return a;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a 32-bit address");
            }
        }
    }
}
