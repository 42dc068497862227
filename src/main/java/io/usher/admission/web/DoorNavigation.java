package io.usher.admission.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.platform.web.PageModelContributor;
import jakarta.servlet.http.HttpServletRequest;

/** Tells the layout whether to offer the door ({@code doorConsole} in every page's model). */
@Component
class DoorNavigation implements PageModelContributor {

    @Override
    public void contribute(HttpServletRequest request, Map<String, Object> model) {
        model.put("doorConsole", CurrentUser.find().map(user -> user.has(Role.DOOR_STAFF) || user.has(Role.ORGANIZER)
                || user.has(Role.ADMIN)).orElse(false));
    }
}
