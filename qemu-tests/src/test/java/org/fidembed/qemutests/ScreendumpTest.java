// The display examples: every example folder with an expected.png runs under QEMU on each QEMU board it
// declares; when it prints "done", QEMU's screendump must equal expected.png (or expected.BOARD.png) pixel
// for pixel. On a mismatch the picture QEMU showed is written to target/screendumps/ for a look.
package org.fidembed.qemutests;

import org.fidembed.driver.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ScreendumpTest {

    static Stream<Arguments> displays() {
        List<Arguments> out = new ArrayList<>();
        for (Example e : Example.all()) {
            for (String board : e.boards()) {
                if (Firmware.qemuBoards().contains(board) && expected(e, board) != null) out.add(Arguments.of(e.name(), board));
            }
        }
        return out.stream();
    }

    /** expected.BOARD.png, else expected.png; null if neither. */
    static Path expected(Example e, String board) {
        for (String name : List.of("expected." + board + ".png", "expected.png")) {
            if (Files.isRegularFile(e.dir().resolve(name))) return e.dir().resolve(name);
        }
        return null;
    }

    @Test
    void theDisplayExamplesAreFound() {
        List<String> found = displays().map(a -> a.get()[0] + " on " + a.get()[1]).toList();
        assertTrue(found.contains("oled on lm3s6965evb"), found.toString());
        assertTrue(found.contains("i2c-display on lm3s811evb"), found.toString());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("displays")
    void theScreenShowsTheExpectedPicture(String name, String board) throws Exception {
        Example e = Example.named(name);
        Path work = Files.createTempDirectory("screen-");
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Build.Result r = Build.build(Build.Request.of(e.dir()).board(board).outDir(work).quiet(true).build(),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, r.exitCode(), () -> name + " does not build for " + board + ":\n" + err.toString(StandardCharsets.UTF_8));
            byte[] key = e.input().length > 0 ? e.input() : "\n".getBytes(StandardCharsets.US_ASCII);
            Screendump.Shot shot = Screendump.take(r.target().qemu().orElseThrow(), r.elf(), work, "done", key, e.timeout());
            assertEquals(e.exit(), shot.exitCode(), () -> name + " on " + board + ": exit code after the key; UART:\n" + shot.uart());
            Path want = expected(e, board);
            String diff = difference(ImageIO.read(want.toFile()), shot.image());
            if (diff != null) {
                Path actual = Path.of("target", "screendumps", name + "-" + board + ".png").toAbsolutePath();
                Files.createDirectories(actual.getParent());
                ImageIO.write(shot.image(), "png", actual.toFile());
                fail(name + " on " + board + ": the screen differs from " + Firmware.repo().relativize(want) + ": " + diff
                        + "\nQEMU's picture: " + actual + " (if it is right, copy it over the expected one)"
                        + "\nreproduce: " + e.command(board) + " (with a QMP monitor: -qmp unix:SOCK,server=on,wait=off, then screendump)");
            }
        } finally {
            SuiteCase.deleteTree(work);
        }
    }

    /** Null if the two pictures are the same size and every pixel has the same RGB; else what differs. */
    static String difference(BufferedImage want, BufferedImage got) {
        if (want.getWidth() != got.getWidth() || want.getHeight() != got.getHeight()) {
            return "size " + got.getWidth() + " x " + got.getHeight() + ", expected " + want.getWidth() + " x " + want.getHeight();
        }
        long count = 0;
        int fx = -1, fy = -1;
        for (int y = 0; y < want.getHeight(); y++) {
            for (int x = 0; x < want.getWidth(); x++) {
                if ((want.getRGB(x, y) & 0xFFFFFF) != (got.getRGB(x, y) & 0xFFFFFF)) {
                    if (count++ == 0) { fx = x; fy = y; }
                }
            }
        }
        if (count == 0) return null;
        return count + " pixels differ, the first at (" + fx + ", " + fy + "): " + String.format("#%06X, expected #%06X",
                got.getRGB(fx, fy) & 0xFFFFFF, want.getRGB(fx, fy) & 0xFFFFFF);
    }

    @Test
    void aPpmReadsAsItsPixelsAndADifferenceIsNamed() {
        byte[] header = "P6\n# comment\n2 1\n255\n".getBytes(StandardCharsets.US_ASCII);
        byte[] ppm = new byte[header.length + 6];
        System.arraycopy(header, 0, ppm, 0, header.length);
        byte[] px = {(byte) 0xFF, 0x00, 0x10, 0x01, 0x02, 0x03};
        System.arraycopy(px, 0, ppm, header.length, 6);
        BufferedImage img = Screendump.readPpm(ppm);
        assertEquals(2, img.getWidth());
        assertEquals(0xFF0010, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x010203, img.getRGB(1, 0) & 0xFFFFFF);
        BufferedImage other = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        other.setRGB(0, 0, 0xFF0010);
        assertEquals("1 pixels differ, the first at (1, 0): #000000, expected #010203", difference(img, other));
        assertNull(difference(img, img));
        assertEquals("size 2 x 1, expected 1 x 1", difference(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), img));
    }
}
