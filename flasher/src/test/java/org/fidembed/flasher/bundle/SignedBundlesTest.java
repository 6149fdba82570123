// Bundles carry what detects any change: the ZIP's CRC-32 of every entry is checked (a sweep over every
// single-bit flip of a bundle finds none that changes what it holds and still reads), and a bundle signed
// with Ed25519 is refused when unsigned, tampered with, or checked against another key.
package org.fidembed.flasher.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.fidembed.flasher.FlashException;
import org.fidembed.image.FirmwareImage;
import org.fidembed.image.ImageFormatException;
import org.fidembed.image.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedBundlesTest {
    @TempDir
    Path tmp;

    static final FirmwareImage IMG = TestImages.cortexM(256, 0, 0, 3);

    Bundles.Spec spec(String board) {
        return new Bundles.Spec("app", board, "STM32F103C8", 0x410, "0.1.0-test", IMG, Optional.empty(), OptionalInt.empty());
    }

    KeyPair keys() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    Path pem(String name, java.security.Key k) throws Exception {
        return Files.writeString(tmp.resolve(name), Signing.pem(k));
    }

    /** Every single-bit flip of a bundle is either refused or leaves what it holds unchanged: 0 undetected. */
    @Test
    void noSingleBitFlipGoesUndetected() throws Exception {
        Path p = tmp.resolve("sweep.fwpkg");
        Bundles.write(p, spec("bluepill"));
        byte[] good = Files.readAllBytes(p);
        Bundle ref = Bundles.read(good, "ref");
        int refused = 0, harmless = 0, undetected = 0;
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] b = good.clone();
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            Bundle got;
            try {
                got = Bundles.read(b, "flip");
            } catch (ImageFormatException e) {
                refused++;
                continue;
            }
            if (same(ref, got)) {
                harmless++;
            } else {
                undetected++;
            }
        }
        System.out.printf("bit-flip sweep over a %d-byte bundle: %d flips, %d refused, %d harmless (ZIP metadata only), %d undetected%n",
                good.length, good.length * 8, refused, harmless, undetected);
        assertEquals(0, undetected, "flips that changed the bundle and still read");
        assertTrue(refused > good.length * 8 / 2, "most flips hit checked bytes: " + refused);
    }

    static boolean same(Bundle a, Bundle b) {
        if (!Arrays.equals(a.manifestBytes(), b.manifestBytes()) || !a.files().keySet().equals(b.files().keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.files().entrySet()) {
            if (!Arrays.equals(e.getValue(), b.files().get(e.getKey()))) {
                return false;
            }
        }
        return a.signature().isPresent() == b.signature().isPresent();
    }

    @Test
    void aSignedBundleChecksOutAndAnyOtherIsRefused() throws Exception {
        KeyPair k = keys();
        Path priv = pem("dev.key", k.getPrivate());
        Path pub = pem("dev.pub", k.getPublic());
        Path signed = tmp.resolve("signed.fwpkg");
        Bundles.write(signed, spec("bluepill"), Optional.of(Signing.privateKey(priv)));
        Bundles.checkSignature(Bundles.read(signed), pub);

        Path unsigned = tmp.resolve("unsigned.fwpkg");
        Bundles.write(unsigned, spec("bluepill"));
        FlashException e = assertThrows(FlashException.class, () -> Bundles.checkSignature(Bundles.read(unsigned), pub));
        assertTrue(e.getMessage().contains("is not signed"), e.getMessage());

        Path other = pem("other.pub", keys().getPublic());
        e = assertThrows(FlashException.class, () -> Bundles.checkSignature(Bundles.read(signed), other));
        assertTrue(e.getMessage().contains("signature does not match"), e.getMessage());

        // re-signing a changed manifest needs the key: a bundle for another board with the old signature fails
        Path forged = tmp.resolve("forged.fwpkg");
        Bundles.write(forged, spec("longan-nano"), Optional.of(Signing.privateKey(pem("attacker.key", keys().getPrivate()))));
        e = assertThrows(FlashException.class, () -> Bundles.checkSignature(Bundles.read(forged), pub));
        assertTrue(e.getMessage().contains("signature does not match"), e.getMessage());

        Path notAKey = Files.writeString(tmp.resolve("junk.pem"), "hello\n");
        Signing.KeyException ke = assertThrows(Signing.KeyException.class, () -> Signing.privateKey(notAKey));
        assertTrue(ke.getMessage().contains("junk.pem"), ke.getMessage());
    }
}
