package io.netpolviz.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What can be checked of the installer without running jpackage (which {@code mvn -Ppackage}
 * does): the files the package profile hands it exist for every platform, name the jar, main
 * class and version the build makes, and the Linux desktop entry opens folders with the launcher
 * the package installs. jpackage's option syntax:
 * https://docs.oracle.com/en/java/javase/17/docs/specs/man/jpackage.html ("@filename Read options
 * from a file."; "--type ... Valid values are: {"app-image", "exe", "msi", "rpm", "deb", "pkg",
 * "dmg"}"); the desktop entry's keys: the freedesktop.org
 * Desktop Entry Specification, https://specifications.freedesktop.org/desktop-entry-spec/latest/
 * ("%F A list of files. Use for apps that can open several local files at once.").
 */
class InstallerInputsTest {

    private static final Path PACKAGING = Path.of("packaging");
    private static final List<String> PLATFORMS = List.of("linux", "windows", "macos");

    @Test
    void thePackageProfileRunsJpackageOnTheArgumentFilesOfEveryPlatform() throws Exception {
        Element profile = profile("package");
        List<String> arguments = texts(profile, "argument");
        assertTrue(arguments.contains("@packaging/jpackage-app-image.txt"), arguments.toString());
        assertTrue(arguments.contains("@packaging/jpackage-installer.txt"), arguments.toString());
        assertTrue(arguments.contains("@packaging/${installer.os}/app-image.txt"), arguments.toString());
        assertTrue(arguments.contains("@packaging/${installer.os}/installer.txt"), arguments.toString());
        for (String platform : PLATFORMS) {
            assertEquals(platform, text(profile("os-" + platform), "installer.os"));
            for (String file : List.of("app-image.txt", "installer.txt")) {
                Map<String, List<String>> options = options(PACKAGING.resolve(platform).resolve(file));
                for (String pathOption : List.of("--icon", "--resource-dir", "--license-file")) {
                    for (String value : options.getOrDefault(pathOption, List.of())) {
                        assertTrue(Files.exists(Path.of(value)), platform + "/" + file + " " + pathOption + " " + value + " is missing");
                    }
                }
                for (String launcher : options.getOrDefault("--add-launcher", List.of())) {
                    assertTrue(Files.exists(Path.of(launcher.substring(launcher.indexOf('=') + 1))), launcher);
                }
            }
            assertTrue(options(PACKAGING.resolve(platform).resolve("installer.txt")).containsKey("--type"), platform + " names its installer type");
        }
    }

    @Test
    void theImageLaunchesTheJarAndMainClassTheBuildMakesAtItsVersion() throws Exception {
        Map<String, List<String>> image = options(PACKAGING.resolve("jpackage-app-image.txt"));
        Document pom = pom();
        String mainClass = text(pom.getDocumentElement(), "main.class");
        assertEquals(List.of(mainClass), image.get("--main-class"));
        assertEquals(List.of(text(pom.getDocumentElement(), "finalName") + ".jar"), image.get("--main-jar"));
        String version = directChild(pom.getDocumentElement(), "version");
        assertEquals(version.replace("-SNAPSHOT", ""), text(profile("package"), "installer.version"),
                "jpackage takes numbers only; keep the profile's installer.version the project's version");
        Map<String, List<String>> installer = options(PACKAGING.resolve("jpackage-installer.txt"));
        assertEquals(image.get("--name"), installer.get("--name"));
        assertEquals(List.of("target/installer/" + image.get("--name").get(0)), installer.get("--app-image"));
        assertTrue(Files.readString(Path.of("LICENSE")).contains("Apache License\n                           Version 2.0, January 2004"));
        assertEquals(List.of("LICENSE"), installer.get("--license-file"));
    }

    @Test
    void theDesktopEntryOpensFoldersWithTheInstalledLauncher() throws Exception {
        String name = options(PACKAGING.resolve("jpackage-app-image.txt")).get("--name").get(0);
        // jpackage takes a resource-dir file named after the package for the menu entry it installs.
        Map<String, String> entry = desktopEntry(PACKAGING.resolve("linux").resolve(name + ".desktop"));
        assertEquals("Application", entry.get("Type"));
        assertTrue(entry.get("Exec").matches("APPLICATION_LAUNCHER %[fFuU]"), entry.get("Exec"));
        assertEquals("APPLICATION_ICON", entry.get("Icon"));
        assertTrue(List.of(entry.get("MimeType").split(";")).contains("inode/directory"), entry.get("MimeType"));
        assertTrue(entry.get("MimeType").endsWith(";"), "the specification ends a list with a semicolon");
        assertEquals("false", entry.get("Terminal"));
        // The launcher is also the command line: the package puts it on the PATH and takes it off again.
        String launcher = "/opt/" + name + "/bin/" + name;
        assertTrue(Files.readString(PACKAGING.resolve("linux/postinst")).contains("ln -sf " + launcher + " /usr/bin/" + name));
        assertTrue(Files.readString(PACKAGING.resolve("linux/prerm")).contains("rm -f /usr/bin/" + name));
        assertTrue(Files.readString(PACKAGING.resolve("linux/postinst")).contains("DESKTOP_COMMANDS_INSTALL"),
                "jpackage fills in the commands that install the menu entry");
    }

    /**
     * Every platform installs a command line tuned for runs of seconds (the quick compiler only, the
     * serial collector), beside the app's launcher, which keeps the JVM's defaults. Windows and macOS
     * get a jpackage launcher for it; jpackage: "--add-launcher <launcher name>=<file path> ... The
     * keys "module", "main-jar", "main-class", "description", "arguments", "java-options", ... can be
     * used". On Linux jpackage's launcher asks rpm and dpkg which package holds it on every start,
     * so postinst writes /usr/bin/netpolviz-cli, a script starting the bundled Java with the same
     * options, and prerm removes it.
     */
    @Test
    void everyPlatformHasACommandLineForShortRuns() throws Exception {
        for (String platform : PLATFORMS) {
            List<String> javaOptions = cliJavaOptions(platform);
            assertTrue(javaOptions.containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")), platform + ": " + javaOptions);
            List<String> launchers = options(PACKAGING.resolve(platform).resolve("app-image.txt")).getOrDefault("--add-launcher", List.of());
            boolean jpackageLauncher = launchers.contains("netpolviz-cli=packaging/" + platform + "/cli-launcher.properties");
            assertEquals(!platform.equals("linux"), jpackageLauncher, platform + ": " + launchers);
        }
        assertTrue(options(PACKAGING.resolve("jpackage-app-image.txt")).getOrDefault("--java-options", List.of()).isEmpty(),
                "the app's own launcher keeps the JVM's defaults");
        String postinst = Files.readString(PACKAGING.resolve("linux/postinst"));
        String name = options(PACKAGING.resolve("jpackage-app-image.txt")).get("--name").get(0);
        String script = "exec /opt/" + name + "/lib/runtime/bin/java " + String.join(" ", cliJavaOptions("linux")) + " -cp /opt/" + name
                + "/lib/app/" + options(PACKAGING.resolve("jpackage-app-image.txt")).get("--main-jar").get(0) + " "
                + options(PACKAGING.resolve("jpackage-app-image.txt")).get("--main-class").get(0) + " \"$@\"";
        assertTrue(postinst.contains("cat > /usr/bin/netpolviz-cli <<'NETPOLVIZ_CLI'\n#!/bin/sh\n" + script + "\nNETPOLVIZ_CLI\n"), postinst);
        assertTrue(postinst.contains("chmod 755 /usr/bin/netpolviz-cli"));
        assertTrue(Files.readString(PACKAGING.resolve("linux/prerm")).contains("rm -f /usr/bin/netpolviz-cli"));
    }

    private static List<String> cliJavaOptions(String platform) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader reader = Files.newBufferedReader(PACKAGING.resolve(platform).resolve("cli-launcher.properties"))) {
            properties.load(reader);
        }
        return List.of(properties.getProperty("java-options", "").split(" "));
    }

    /** An argument file's options: each {@code --name} with the values that follow it, quotes taken off. */
    static Map<String, List<String>> options(Path file) throws IOException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        String current = null;
        for (String token : tokens(Files.readString(file, StandardCharsets.UTF_8))) {
            if (token.startsWith("--")) {
                current = token;
                options.computeIfAbsent(current, key -> new ArrayList<>());
            } else if (current != null) {
                options.get(current).add(token);
            }
        }
        return options;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    tokens.add(token.toString());
                }
                token.setLength(0);
                any = false;
            } else {
                token.append(c);
                any = true;
            }
        }
        if (any) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("[Desktop Entry]", lines.get(0));
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            assertTrue(equals > 0, "not a key=value line: " + line);
            assertEquals(null, entry.put(line.substring(0, equals), line.substring(equals + 1)), "a key twice: " + line);
        }
        return entry;
    }

    private static Document pom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    private static Element profile(String id) throws Exception {
        NodeList profiles = pom().getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (id.equals(text(profile, "id"))) {
                return profile;
            }
        }
        throw new AssertionError("no profile " + id + " in pom.xml");
    }

    private static String text(Element within, String tag) {
        NodeList found = within.getElementsByTagName(tag);
        assertTrue(found.getLength() > 0, "no <" + tag + ">");
        return found.item(0).getTextContent().trim();
    }

    private static List<String> texts(Element within, String tag) {
        NodeList found = within.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static String directChild(Element parent, String tag) {
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + tag + "> under <" + parent.getTagName() + ">");
    }
}
