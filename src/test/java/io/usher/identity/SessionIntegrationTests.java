package io.usher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.usher.support.Accounts;
import io.usher.support.Api;
import io.usher.support.IntegrationTest;

class SessionIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void rotatesRefreshTokensSoTheOldOneStopsWorking() {
        var login = Accounts.newSignedInCustomer(api);

        var refreshed = refresh(login.get("refreshToken"));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.get("refreshToken")).isNotEqualTo(login.get("refreshToken"));
        assertThat(api.as(refreshed.get("accessToken")).get("/api/v1/me").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(3));
        assertThat(refresh(login.get("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void revokesTheWholeSessionWhenARotatedTokenIsReused() {
        var login = Accounts.newSignedInCustomer(api);
        var refreshed = refresh(login.get("refreshToken"));
        clock.advance(Duration.ofSeconds(3));

        var reuse = refresh(login.get("refreshToken"));

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("identity.token_reused");
        var newest = refresh(refreshed.get("refreshToken"));
        assertThat(newest.status()).isEqualTo(401);
        assertThat(newest.code()).isEqualTo("identity.session_revoked");
        assertThat(api.as(refreshed.get("accessToken")).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(auditCount("IDENTITY_REFRESH_TOKEN_REUSED", login)).isEqualTo(1);
    }

    @Test
    void letsExactlyOneOfManyConcurrentRefreshesWin() throws Exception {
        var login = Accounts.newSignedInCustomer(api);
        var token = login.get("refreshToken");
        int racers = 12;
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Api.Response>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return refresh(token);
                }));
            }
            start.countDown();
        }
        var statuses = new ArrayList<Integer>();
        String winner = null;
        for (var result : results) {
            var response = result.get();
            statuses.add(response.status());
            if (response.status() == 200) {
                winner = response.get("refreshToken");
            } else {
                assertThat(response.code()).isEqualTo("identity.refresh_conflict");
            }
        }
        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(refresh(winner).status()).isEqualTo(200);
    }

    @Test
    void refusesTheAccessTokenAsSoonAsTheSessionIsLoggedOut() {
        var login = Accounts.newSignedInCustomer(api);
        var me = api.as(login.get("accessToken"));
        assertThat(me.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(me.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);

        var refused = me.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("identity.invalid_token");
        assertThat(refresh(login.get("refreshToken")).code()).isEqualTo("identity.session_revoked");
    }

    @Test
    void refusesTheAccessTokenWithinOneSecondWhenAnotherInstanceRevokesTheSession() {
        var login = Accounts.newSignedInCustomer(api);
        var me = api.as(login.get("accessToken"));
        assertThat(me.get("/api/v1/me").status()).isEqualTo(200);

        // Another instance signs the session out: it writes the shared database, not this instance's cache.
        jdbc.sql("update identity_sessions set revoked_at = now(), revoked_reason = 'LOGOUT' where id = :id")
                .param("id", UUID.fromString(sessionId(login))).update();
        clock.advance(Duration.ofSeconds(1));

        assertThat(me.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void expiresAccessTokensAfter15Minutes() {
        var login = Accounts.newSignedInCustomer(api);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(api.as(login.get("accessToken")).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(refresh(login.get("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void expiresRefreshTokensAfterSevenDays() {
        var login = Accounts.newSignedInCustomer(api);
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        var expired = refresh(login.get("refreshToken"));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("identity.invalid_token");
    }

    @Test
    void endsEverySessionAfterThirtyDaysHoweverOftenItIsRefreshed() {
        var token = Accounts.newSignedInCustomer(api).get("refreshToken");
        for (int day = 6; day < 30; day += 6) {
            clock.advance(Duration.ofDays(6));
            var refreshed = refresh(token);
            assertThat(refreshed.status()).as("day %d", day).isEqualTo(200);
            token = refreshed.get("refreshToken");
        }
        clock.advance(Duration.ofDays(6));

        assertThat(refresh(token).status()).isEqualTo(401);
    }

    @Test
    void keepsAtMostFiveSessionsPerUserRevokingTheOldest() {
        var email = Accounts.uniqueEmail("many");
        Accounts.register(api, email);
        var first = Accounts.login(api, email, Accounts.PASSWORD);
        for (int i = 0; i < 5; i++) {
            // stay under the 5-a-minute sign-in throttle
            clock.advance(Duration.ofSeconds(20));
            assertThat(Accounts.login(api, email, Accounts.PASSWORD).status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(20));
        var latest = Accounts.login(api, email, Accounts.PASSWORD);

        var sessions = api.as(latest.get("accessToken")).get("/api/v1/me/sessions");
        assertThat(sessions.json().size()).isEqualTo(5);
        assertThat(api.as(first.get("accessToken")).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(sessions.json().get(0).get("current").asBoolean()).isTrue();
    }

    @Test
    void listsAndRevokesOwnSessionsButNotOthers() {
        var email = Accounts.uniqueEmail("devices");
        Accounts.register(api, email);
        var laptop = Accounts.login(api.with("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"), email,
                Accounts.PASSWORD);
        var phone = Accounts.login(api, email, Accounts.PASSWORD);
        var stranger = Accounts.newSignedInCustomer(api);

        var sessions = api.as(phone.get("accessToken")).get("/api/v1/me/sessions").json();
        assertThat(sessions.size()).isEqualTo(2);
        assertThat(sessions.get(1).get("device").asString()).isEqualTo("Firefox on Linux");
        assertThat(sessions.get(1).get("ip").asString()).isEqualTo("127.0.0.1");

        var foreign = api.as(stranger.get("accessToken")).delete("/api/v1/me/sessions/" + sessionId(laptop));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("identity.session_not_found");

        assertThat(api.as(phone.get("accessToken")).delete("/api/v1/me/sessions/" + sessionId(laptop)).status())
                .isEqualTo(204);
        assertThat(api.as(laptop.get("accessToken")).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.as(phone.get("accessToken")).get("/api/v1/me/sessions").json().size()).isEqualTo(1);
    }

    private Api.Response refresh(String token) {
        return api.post("/api/v1/auth/refresh", Map.of("refreshToken", token));
    }

    private static String sessionId(Api.Response login) {
        var claims = new String(java.util.Base64.getUrlDecoder().decode(login.get("accessToken").split("\\.")[1]));
        var matcher = java.util.regex.Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(claims);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private long auditCount(String action, Api.Response login) {
        return jdbc.sql("select count(*) from audit_entries where action = :action and actor_id = :user")
                .param("action", action).param("user", UUID.fromString(login.json().get("user").get("id").asString()))
                .query(Long.class).single();
    }
}
