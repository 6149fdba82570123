// The typed program the type checker returns: every module-level value and function with its typed
// body, the entry point, the types defined, and the predefined ones (option, voption, Result).
package org.fidembed.typeck;

import org.fidembed.types.Predef;
import org.fidembed.types.Symbols.GlobalVal;
import org.fidembed.types.TypeDefn;

import java.util.List;

public record Program(List<GlobalVal> globals, GlobalVal entry, List<TypeDefn> types, Predef predef) { }
