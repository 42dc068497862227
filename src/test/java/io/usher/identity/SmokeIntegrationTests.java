package io.usher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;

class SmokeIntegrationTests extends IntegrationTest {

    @Test
    void registersSignsInAndReadsProfile() {
        var login = Accounts.newSignedInCustomer(api);
        var me = api.as(login.get("accessToken")).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.get("email")).isEqualTo(login.json().get("user").get("email").asString());
    }
}
