package io.usher.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a module adds to the model of every page the layout renders (the signed-in user in the header, say)
 * without platform knowing the module. Called only when a view is rendered, never for API calls or redirects.
 */
@FunctionalInterface
public interface PageModelContributor {

    void contribute(HttpServletRequest request, Map<String, Object> model);
}
