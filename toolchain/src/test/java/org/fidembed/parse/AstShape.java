// The shape of a syntax tree without its locations: two layouts of one program have the same shape
// exactly when the offside rule gave them the same meaning.
package org.fidembed.parse;

import org.fidembed.diag.Loc;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

final class AstShape {
    private AstShape() { }

    static String of(Object node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(Object o, StringBuilder sb) {
        if (o == null) { sb.append("null"); return; }
        if (o instanceof Loc) return;
        if (o instanceof List<?> l) {
            sb.append('[');
            for (Object e : l) { write(e, sb); sb.append(','); }
            sb.append(']');
            return;
        }
        if (o instanceof byte[] b) { sb.append(Arrays.toString(b)); return; }
        Class<?> c = o.getClass();
        if (!c.isRecord()) { sb.append(o); return; }
        sb.append(c.getSimpleName()).append('(');
        for (RecordComponent rc : c.getRecordComponents()) {
            if (rc.getType() == Loc.class) continue;
            // a string literal's raw text keeps its quotes and escapes as written: compare its value only
            if (rc.getName().equals("raw")) continue;
            try {
                write(rc.getAccessor().invoke(o), sb);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            sb.append(';');
        }
        sb.append(')');
    }
}
