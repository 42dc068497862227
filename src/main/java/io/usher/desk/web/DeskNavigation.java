package io.usher.desk.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.platform.web.PageModelContributor;
import jakarta.servlet.http.HttpServletRequest;

/** Tells the layout whether to offer the agents' desk ({@code deskConsole} in every page's model). */
@Component
class DeskNavigation implements PageModelContributor {

    @Override
    public void contribute(HttpServletRequest request, Map<String, Object> model) {
        model.put("deskConsole", CurrentUser.find().map(user -> user.has(Role.AGENT) || user.has(Role.MANAGER))
                .orElse(false));
    }
}
