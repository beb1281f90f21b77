package io.netpolviz.view;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of NetPolViz, as Maven wrote it into {@code io/netpolviz/version.properties} at
 * build time, for {@code netpolviz --version} and Help → About. Here because both the app and the
 * command line reach this package.
 */
public final class ProductVersion {

    private ProductVersion() {
    }

    /** {@code 0.1.0-SNAPSHOT}, or {@code unknown} when the classes run without Maven's resources. */
    public static String current() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("/io/netpolviz/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code NetPolViz 0.1.0-SNAPSHOT (Java 17.0.15)}: what a bug report needs first. */
    public static String line() {
        return "NetPolViz " + current() + " (Java " + Runtime.version() + ")";
    }
}
