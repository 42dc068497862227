package io.usher.identity.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.internal.Accounts;
import io.usher.platform.web.PageModelContributor;
import jakarta.servlet.http.HttpServletRequest;

/** Tells the layout who is signed in: {@code viewer} in every page's model, absent for anonymous visitors. */
@Component
class PageViewer implements PageModelContributor {

    private final Accounts accounts;

    PageViewer(Accounts accounts) {
        this.accounts = accounts;
    }

    /** What the header shows; the name comes from the account because access tokens do not carry it. */
    record Viewer(String displayName, String email, boolean admin) {
    }

    @Override
    public void contribute(HttpServletRequest request, Map<String, Object> model) {
        CurrentUser.find().ifPresent(user -> model.put("viewer", new Viewer(
                accounts.get(user.id().value()).displayName(), user.email(), user.has(Role.ADMIN))));
    }
}
