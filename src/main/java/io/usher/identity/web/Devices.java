package io.usher.identity.web;

/** A short human name for a browser's user agent ("Firefox on Linux"), for the sessions list. */
final class Devices {

    private Devices() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        var browser = userAgent.contains("Edg/") ? "Edge"
                : userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/") ? "Chrome"
                : userAgent.contains("Safari/") ? "Safari"
                : userAgent.contains("curl/") ? "curl"
                : userAgent.startsWith("Java-http-client") ? "Java client"
                : "Browser";
        var system = userAgent.contains("Android") ? "Android"
                : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Windows") ? "Windows"
                : userAgent.contains("Mac OS X") ? "macOS"
                : userAgent.contains("Linux") ? "Linux"
                : null;
        return system == null ? browser : browser + " on " + system;
    }
}
