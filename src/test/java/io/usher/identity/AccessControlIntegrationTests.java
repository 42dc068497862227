package io.usher.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.support.Accounts;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/** Who may call what: administration per role, organizations per membership. */
class AccessControlIntegrationTests extends IntegrationTest {

    @Autowired
    Users users;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void refusesAdministrationToEveryRoleButAdmin(Role role) {
        var token = users.signedIn(api, role.name().toLowerCase(), role);
        var target = Accounts.newSignedInCustomer(api).json().get("user").get("id").asString();

        var list = api.as(token).get("/api/v1/admin/users");
        var change = api.as(token).patch("/api/v1/admin/users/" + target, Map.of("roles", List.of("ADMIN")));
        var audit = api.as(token).get("/api/v1/admin/audit");

        assertThat(List.of(list.status(), change.status(), audit.status())).containsOnly(403);
        assertThat(list.code()).isEqualTo("identity.forbidden");
    }

    @Test
    void refusesAdministrationToAnonymousCallers() {
        var anonymous = api.get("/api/v1/admin/users");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("identity.unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.as("not-a-jwt").get("/api/v1/me").code()).isEqualTo("identity.invalid_token");
    }

    @Test
    void letsAnAdminSearchUsersAndChangeRoles() {
        var admin = users.signedIn(api, "admin", Role.ADMIN);
        var email = users.create("promoted-" + System.nanoTime());
        var target = api.as(admin).get("/api/v1/admin/users?q=" + email.substring(0, 20) + "&size=5");
        assertThat(target.status()).isEqualTo(200);
        assertThat(target.json().get("total").asLong()).isEqualTo(1);
        var id = target.json().get("items").get(0).get("id").asString();

        var promoted = api.as(admin).patch("/api/v1/admin/users/" + id, Map.of("roles", List.of("ORGANIZER")));

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().get("roles").toString()).contains("ORGANIZER").contains("CUSTOMER");
        var login = Accounts.login(api, email, Accounts.PASSWORD);
        assertThat(login.json().get("user").get("roles").toString()).contains("ORGANIZER");
        var audit = api.as(admin).get("/api/v1/admin/audit?action=IDENTITY_ROLES_CHANGED&size=200");
        assertThat(audit.text()).contains(id);
    }

    @Test
    void endsTheSessionsOfADemotedUser() {
        var admin = users.signedIn(api, "admin", Role.ADMIN);
        var email = users.create("demoted", Role.ORGANIZER);
        var login = Accounts.login(api, email, Accounts.PASSWORD);
        var id = login.json().get("user").get("id").asString();

        api.as(admin).patch("/api/v1/admin/users/" + id, Map.of("roles", List.of("CUSTOMER")));

        assertThat(api.as(login.get("accessToken")).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void keepsAnAdminFromLockingThemselvesOut() {
        var email = users.create("self", Role.ADMIN);
        var login = Accounts.login(api, email, Accounts.PASSWORD);
        var me = login.json().get("user").get("id").asString();

        var deactivateSelf = api.as(login.get("accessToken")).patch("/api/v1/admin/users/" + me, Map.of("active", false));
        var demoteSelf = api.as(login.get("accessToken")).patch("/api/v1/admin/users/" + me,
                Map.of("roles", List.of("CUSTOMER")));

        assertThat(deactivateSelf.status()).isEqualTo(409);
        assertThat(deactivateSelf.code()).isEqualTo("identity.cannot_change_own_access");
        assertThat(demoteSelf.code()).isEqualTo("identity.cannot_change_own_access");
    }

    @Test
    void validatesAdministrationInput() {
        var admin = users.signedIn(api, "admin", Role.ADMIN);

        assertThat(api.as(admin).get("/api/v1/admin/users?size=1000").code()).isEqualTo("request.validation_failed");
        assertThat(api.as(admin).patch("/api/v1/admin/users/not-a-uuid", Map.of("active", true)).status()).isEqualTo(400);
        assertThat(api.as(admin).patch("/api/v1/admin/users/" + java.util.UUID.randomUUID(), Map.of("active", true))
                .code()).isEqualTo("identity.user_not_found");
        assertThat(api.as(admin).patch("/api/v1/admin/users/" + java.util.UUID.randomUUID(),
                Map.of("roles", List.of("EMPEROR"))).status()).isEqualTo(400);
    }

    @Test
    void letsOrganizersFoundOrganizationsButNotCustomers() {
        var organizer = users.signedIn(api, "organizer", Role.ORGANIZER);
        var customer = Accounts.newSignedInCustomer(api).get("accessToken");
        var name = "Org " + java.util.UUID.randomUUID();

        var created = api.as(organizer).post("/api/v1/organizations", Map.of("name", name, "kind", "ORGANIZER"));
        var refused = api.as(customer).post("/api/v1/organizations", Map.of("name", name + "x", "kind", "ORGANIZER"));
        var duplicate = api.as(organizer).post("/api/v1/organizations", Map.of("name", name.toUpperCase(), "kind", "SUPPORT"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("members").get(0).get("role").asString()).isEqualTo("OWNER");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(duplicate.code()).isEqualTo("identity.organization_name_taken");
    }

    @Test
    void showsAnOrganizationOnlyToItsMembersAndLetsOnlyOwnersManageThem() {
        var owner = users.signedIn(api, "owner", Role.ORGANIZER);
        var memberEmail = users.create("member", Role.DOOR_STAFF);
        var member = Accounts.login(api, memberEmail, Accounts.PASSWORD).get("accessToken");
        var outsider = users.signedIn(api, "outsider", Role.ORGANIZER);
        var org = api.as(owner).post("/api/v1/organizations",
                Map.of("name", "Team " + java.util.UUID.randomUUID(), "kind", "ORGANIZER")).get("id");

        var added = api.as(owner).post("/api/v1/organizations/" + org + "/members", Map.of("email", memberEmail));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("members").size()).isEqualTo(2);
        assertThat(api.as(member).get("/api/v1/organizations/" + org).status()).isEqualTo(200);
        assertThat(api.as(member).get("/api/v1/organizations/mine").text()).contains(org);
        assertThat(api.as(outsider).get("/api/v1/organizations/" + org).code())
                .isEqualTo("identity.organization_not_found");
        assertThat(api.as(member).post("/api/v1/organizations/" + org + "/members",
                Map.of("email", Accounts.uniqueEmail("x"))).code()).isEqualTo("identity.not_organization_owner");
        assertThat(api.as(outsider).post("/api/v1/organizations/" + org + "/members",
                Map.of("email", memberEmail)).status()).isEqualTo(404);
        var ownerId = added.json().get("members").valueStream()
                .filter(m -> m.get("role").asString().equals("OWNER")).findFirst().orElseThrow().get("userId").asString();
        assertThat(api.as(owner).delete("/api/v1/organizations/" + org + "/members/" + ownerId).code())
                .isEqualTo("identity.last_owner");
        var memberId = added.json().get("members").valueStream()
                .filter(m -> m.get("role").asString().equals("MEMBER")).findFirst().orElseThrow().get("userId").asString();
        assertThat(api.as(owner).delete("/api/v1/organizations/" + org + "/members/" + memberId).status()).isEqualTo(200);
        assertThat(api.as(member).get("/api/v1/organizations/" + org).status()).isEqualTo(404);
    }
}
