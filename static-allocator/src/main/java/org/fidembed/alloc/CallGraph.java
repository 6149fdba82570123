// Every function of the program with its calls, plus, per function-type key, the functions whose value is
// taken with that type: a call through a value of that type may reach any of them (language.md §15.4).
package org.fidembed.alloc;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

public record CallGraph(List<Function> functions, Map<String, Set<String>> takenByType) {
    public CallGraph {
        functions = List.copyOf(functions);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        takenByType.forEach((type, fns) -> copy.put(type, Set.copyOf(fns)));
        takenByType = Map.copyOf(copy);
        Set<String> seen = new HashSet<>();
        for (Function f : functions)
            if (!seen.add(f.symbol())) throw new IllegalArgumentException("function '" + f.symbol() + "' is given twice");
        takenByType.forEach((type, fns) -> fns.forEach(fn -> {
            if (!seen.contains(fn))
                throw new IllegalArgumentException("function '" + fn + "', taken as a value of type '" + type
                        + "', is not among the functions");
        }));
    }

    public static CallGraph of(List<Function> functions) { return new CallGraph(functions, Map.of()); }

    public Optional<Function> function(String symbol) {
        return functions.stream().filter(f -> f.symbol().equals(symbol)).findFirst();
    }

    /** The functions a call through a value of this type may reach, in name order. */
    public SortedSet<String> taken(String functionType) {
        return new TreeSet<>(takenByType.getOrDefault(functionType, Set.of()));
    }
}
