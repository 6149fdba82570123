// The board targets of the tests: the shipped bluepill and longan-nano profiles, as the CLI loads them
// (manual boot entry: pseudo-terminals have no modem lines to drive).
package org.fidembed.flasher.testing;

import org.fidembed.board.Profiles;
import org.fidembed.board.Target;

public final class TestTargets {
    private TestTargets() {}

    public static Target bluepill() {
        return Profiles.load("bluepill");
    }

    public static Target longanNano() {
        return Profiles.load("longan-nano");
    }
}
