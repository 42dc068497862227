package io.usher.desk.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import io.usher.identity.AccessRules;
import io.usher.identity.Role;

/**
 * The desk's administration API is for administrators, the agent views for agents, managers and administrators;
 * everything else of the desk needs a signed-in user.
 */
@Component
class DeskAccess implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/v1/desk/admin", "/api/v1/desk/admin/**").hasRole(Role.ADMIN.name());
        routes.requestMatchers("/api/v1/desk/views", "/api/v1/desk/views/**")
                .hasAnyRole(Role.AGENT.name(), Role.MANAGER.name(), Role.ADMIN.name());
    }
}
