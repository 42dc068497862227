package io.usher.platform.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds what the layout needs to the model of every rendered page: the flash message, the path (to mark the
 * current navigation entry), the CSRF header htmx sends, and what modules contribute. It runs after the handler
 * and only when a view will be rendered, so API calls and redirects pay nothing.
 */
class PageModel implements HandlerInterceptor {

    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectProvider<PageModelContributor> contributors;

    PageModel(MessageSource messages, JsonMapper json, ObjectProvider<PageModelContributor> contributors) {
        this.messages = messages;
        this.json = json;
        this.contributors = contributors;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView page) {
        if (page == null || !page.hasView() || redirects(page)) {
            return;
        }
        Map<String, Object> model = page.getModel();
        Flash.from(request, messages, RequestContextUtils.getLocale(request))
                .ifPresent(flash -> model.put("flash", flash));
        model.put("currentPath", request.getRequestURI());
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            // Read here, before the body is written: a new token sets its cookie on this response.
            model.put("csrfHeaders", json.writeValueAsString(Map.of(csrf.getHeaderName(), csrf.getToken())));
        }
        contributors.orderedStream().forEach(contributor -> contributor.contribute(request, model));
    }

    private static boolean redirects(ModelAndView page) {
        return page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"));
    }
}
