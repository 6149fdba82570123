// The toolchain uses this module as a jar: listing and loading the shipped profiles must work from a jar
// too, even one written without directory entries, in a class loader that sees nothing but the jars.
package org.fidembed.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ShippedJarTest {
    @TempDir
    Path dir;

    private static Path location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void listsAndLoadsFromAJarWithoutDirectoryEntries() throws Exception {
        Path classes = location(Profiles.class);
        assertTrue(Files.isDirectory(classes), "tests run against the classes directory: " + classes);
        Path jar = dir.resolve("board-profiles.jar");
        int entries = 0;
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
                entries++;
            }
        }
        assertTrue(entries > 20);
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        for (Class<?> c : List.of(TomlMapper.class, ObjectMapper.class, JsonParser.class, JsonProperty.class))
            urls.add(location(c).toUri().toURL());
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> profiles = loader.loadClass(Profiles.class.getName());
            assertNotSame(Profiles.class, profiles, "the class comes from the jar");
            assertEquals(jar, location(profiles));
            Object names = profiles.getMethod("list").invoke(null);
            assertEquals(Profiles.list(), names);
            Object table = profiles.getMethod("table").invoke(null);
            assertEquals(Profiles.table(), table);
            Object target = profiles.getMethod("load", String.class).invoke(null, "netduinoplus2");
            assertEquals(Profiles.load("netduinoplus2").toString(), target.toString());
        }
    }
}
