// What only LLVM can check about a profile: that its llvm-cpu is a processor LLVM knows for its triple.
// LLVM itself would accept an unknown CPU and print "not a recognized processor" once per function; the
// bundled llvm-mc lists the CPUs of a triple, asked once per triple and remembered.
package org.fidembed.driver;

import org.fidembed.board.ProfileException;
import org.fidembed.board.Target;
import org.fidembed.diag.Suggest;
import org.fidembed.llvm.Tools;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

final class TargetCheck {
    private TargetCheck() { }

    private static final Map<String, Set<String>> CPUS = new ConcurrentHashMap<>();

    /** The target, if LLVM knows its CPU; else a ProfileException naming the file, key and line. */
    static Target check(Target t) {
        Set<String> known = CPUS.computeIfAbsent(t.llvmTriple(), TargetCheck::cpusOf);
        if (known.isEmpty() || known.contains(t.cpu())) return t;
        String file = t.source().fileOf("cpu.llvm-cpu").orElse(t.source().label());
        throw new ProfileException(file, "cpu.llvm-cpu", "'" + t.cpu() + "' is not a processor LLVM knows for " + t.llvmTriple()
                + Suggest.didYouMean(t.cpu(), known) + "; known: " + String.join(", ", known));
    }

    /** The CPUs llvm-mc lists for a triple; empty when it cannot tell (LLVM then reports the triple itself). */
    static Set<String> cpusOf(String triple) {
        Tools.Run run = Tools.run(List.of(Tools.tool("llvm-mc").toString(), "--triple=" + triple, "-mcpu=help", "/dev/null"), 30); // an input file: stdin would wait
        Set<String> cpus = new TreeSet<>();
        boolean inList = false;
        for (String line : run.output().split("\n")) {
            if (line.startsWith("Available CPUs")) { inList = true; continue; }
            if (inList && line.isBlank() && !cpus.isEmpty()) break;
            String l = line.strip();
            if (inList && l.contains(" - ")) cpus.add(l.substring(0, l.indexOf(' ')));
        }
        return cpus;
    }
}
