package io.usher.desk.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.usher.desk.internal.AgentViews;
import io.usher.identity.CurrentUser;
import io.usher.platform.web.PageModelContributor;
import jakarta.servlet.http.HttpServletRequest;

/** Tells the layout whether to offer the agent workspace ({@code agentConsole} in every page's model). */
@Component
class DeskNavigation implements PageModelContributor {

    @Override
    public void contribute(HttpServletRequest request, Map<String, Object> model) {
        model.put("agentConsole", CurrentUser.find().map(AgentViews::mayUse).orElse(false));
    }
}
