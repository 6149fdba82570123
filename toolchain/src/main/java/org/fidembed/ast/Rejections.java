// The messages of the constructs the language rejects because they need a heap or a runtime the
// board does not have; the parser and the type checker both report them, in these words.
package org.fidembed.ast;

public final class Rejections {
    private Rejections() { }

    public static final String LISTS = "lists allocate on a heap; use a fixed-size array";
    public static final String SEQUENCES = "sequences allocate on a heap; use a for loop or the Array module";
    public static final String COLLECTIONS = "growing collections need a heap; use a fixed-size array";
    public static final String STRINGS = "building strings needs a heap; print the parts with printf";
    public static final String BOXING = "boxing and casts need a heap and run-time types; use a union";
    public static final String CLASSES = "classes, interfaces and object expressions are heap objects; use records, unions and module functions";
    public static final String EXCEPTIONS = "exceptions are not supported; use Result";
    public static final String ASYNC = "asynchronous code needs a heap and a scheduler; use interrupt handlers and a main loop";
    public static final String REF_CELLS = "reference cells and lazy values are heap objects; use let mutable";
    public static final String RECURSIVE_UNIONS = "recursive union types need a heap; use an array of nodes indexed by int";
    public static final String DECIMAL = "decimal and bigint are not supported; use an integer type or fixed point";
    public static final String ARRAY_PATTERNS = "array patterns are not supported by fid-embed; use indices";
    public static final String MULTIDIM = "multidimensional arrays are not supported by fid-embed; use an array of arrays or one array with computed indices";
}
