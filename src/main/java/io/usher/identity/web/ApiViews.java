package io.usher.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.usher.identity.Role;
import io.usher.identity.internal.Accounts;
import io.usher.identity.internal.Organization;
import io.usher.identity.internal.SignInSession;
import io.usher.identity.internal.TokenPair;
import io.usher.identity.internal.UserAccount;

/** The JSON shapes identity's API answers with; separate from what is stored. */
final class ApiViews {

    private ApiViews() {
    }

    record UserView(UUID id, String email, String displayName, Set<Role> roles, boolean emailVerified,
            boolean active, Instant createdAt) {

        static UserView of(UserAccount user) {
            return new UserView(user.id(), user.email(), user.displayName(), user.roles(), user.emailVerified(),
                    user.active(), user.createdAt());
        }
    }

    record TokenView(String accessToken, String refreshToken, String tokenType, long expiresIn,
            Instant refreshTokenExpiresAt, UserView user) {

        static TokenView of(TokenPair tokens) {
            return new TokenView(tokens.accessToken(), tokens.refreshToken(), "Bearer",
                    tokens.accessTokenTtl().toSeconds(), tokens.refreshTokenExpiresAt(), UserView.of(tokens.user()));
        }
    }

    record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String device, String ip,
            boolean current) {

        static SessionView of(SignInSession session, UUID current) {
            return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), session.expiresAt(),
                    Devices.describe(session.userAgent()), session.ip(), session.id().equals(current));
        }
    }

    record UserPageView(List<UserView> items, long total, int page, int size) {

        static UserPageView of(Accounts.UserPage page) {
            return new UserPageView(page.items().stream().map(UserView::of).toList(), page.total(), page.page(),
                    page.size());
        }
    }

    record MemberView(UUID userId, Organization.MemberRole role, Instant addedAt) {
    }

    record OrganizationView(UUID id, String name, Organization.Kind kind, Instant createdAt,
            List<MemberView> members) {

        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.id(), organization.name(), organization.kind(),
                    organization.createdAt(), organization.memberships().stream()
                            .map(m -> new MemberView(m.userId(), m.role(), m.addedAt()))
                            .sorted(java.util.Comparator.comparing(MemberView::addedAt)
                                    .thenComparing(MemberView::userId))
                            .toList());
        }
    }
}
