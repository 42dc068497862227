package io.usher.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectsTests {

    @ParameterizedTest
    @ValueSource(strings = {"/account", "/admin/users?q=ada&page=2", "/account#sessions", "/verify-email?token=a%2Fb"})
    void keepsPathsOnThisSite(String next) {
        assertThat(SafeRedirects.localPath(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example/", "//evil.example/account", "/\\evil.example", "\\\\evil.example",
            "javascript:alert(1)", "account", "/account\r\nSet-Cookie: x=y", "/ account", "/acc{ount}",
            "/caf\u00e9", "http:/evil.example"})
    void sendsEverythingElseToTheAccountPage(String next) {
        assertThat(SafeRedirects.localPath(next)).isEqualTo("/account");
    }
}
