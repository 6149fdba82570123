// An output section of the region map (.text, .rodata, .data, .bss, .ramfunc, ...): the region it runs in
// and how its contents come to be there at reset. Explicit [<Section>] attributes must name one of these.
package org.fidembed.alloc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

public record Section(String name, String region, Contents contents) {
    public static final String TEXT = ".text";
    public static final String RODATA = ".rodata";
    public static final String DATA = ".data";
    public static final String BSS = ".bss";

    /**
     * How a section's bytes are present when the program starts. (Java 17 has no pattern switch: each
     * permitted record answers the questions itself, so a new kind cannot be forgotten.)
     */
    public sealed interface Contents permits InPlace, Copied, Zeroed, Uninitialized {
        /** The region holding the image (the bytes stored in the ELF file), given the run region. */
        Optional<String> imageRegion(String runRegion);

        /** True when the section is all zero at startup even without an image. */
        boolean zeroedAtStartup();

        /** A few words for reports: "in place", "copied from FLASH", "zeroed", "not initialised". */
        String describe();
    }

    /** Its image is loaded where it runs (flash .text and .rodata; RAM loaded by a debugger or QEMU). */
    public record InPlace() implements Contents {
        @Override public Optional<String> imageRegion(String runRegion) { return Optional.of(runRegion); }
        @Override public boolean zeroedAtStartup() { return false; }
        @Override public String describe() { return "in place"; }
    }

    /** Its image is stored in {@code loadRegion} and copied to the run region at startup (.data, .ramfunc). */
    public record Copied(String loadRegion) implements Contents {
        public Copied { Objects.requireNonNull(loadRegion, "loadRegion"); }
        @Override public Optional<String> imageRegion(String runRegion) { return Optional.of(loadRegion); }
        @Override public boolean zeroedAtStartup() { return false; }
        @Override public String describe() { return "copied from " + loadRegion; }
    }

    /** No image; startup clears it (.bss). */
    public record Zeroed() implements Contents {
        @Override public Optional<String> imageRegion(String runRegion) { return Optional.empty(); }
        @Override public boolean zeroedAtStartup() { return true; }
        @Override public String describe() { return "zeroed"; }
    }

    /** No image and not cleared (.noinit). */
    public record Uninitialized() implements Contents {
        @Override public Optional<String> imageRegion(String runRegion) { return Optional.empty(); }
        @Override public boolean zeroedAtStartup() { return false; }
        @Override public String describe() { return "not initialised"; }
    }

    public static final Contents IN_PLACE = new InPlace();
    public static final Contents ZEROED = new Zeroed();
    public static final Contents UNINITIALIZED = new Uninitialized();

    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(contents, "contents");
        if (name.isBlank()) throw new IllegalArgumentException("section name is blank");
    }

    public static Section copied(String name, String region, String loadRegion) {
        return new Section(name, region, new Copied(loadRegion));
    }

    /** The four standard sections: .text and .rodata in flash, .data in RAM loaded from flash, .bss in RAM. */
    public static List<Section> standard(String flashRegion, String ramRegion) {
        return List.of(new Section(TEXT, flashRegion, IN_PLACE), new Section(RODATA, flashRegion, IN_PLACE),
                copied(DATA, ramRegion, flashRegion), new Section(BSS, ramRegion, ZEROED));
    }

    /** The region that holds this section's image (the bytes in the ELF file), if it has one. */
    public Optional<String> imageRegion() { return contents.imageRegion(region); }
}
