// A bug in the compiler, with the place in the user's program it was compiling: the only error
// that shows a Java stack trace, and it asks to be reported.
package org.fidembed.diag;

public final class InternalCompilerError extends RuntimeException {
    private final Loc where;

    public InternalCompilerError(Loc where, Throwable cause) {
        // no location: it happened before lowering (parser, type checker) or in LLVM, not necessarily in the prelude
        super("internal error while compiling " + (where == null ? "the program" : where.file() == null ? "the prelude" : where.toString()) + ": " + cause, cause);
        this.where = where;
    }

    public Loc where() { return where; }
}
