package io.usher.platform.web;

import java.util.List;

/**
 * Origins outside Usher that a page's form may lead to: a form post whose answer redirects to another origin (a
 * payment gateway's hosted checkout) is blocked by the browser unless the Content-Security-Policy's
 * {@code form-action} names that origin. A module that redirects there contributes a bean.
 */
@FunctionalInterface
public interface FormTargets {

    /** Origins such as {@code https://checkout.stripe.com} (scheme, host and port; no path). */
    List<String> origins();
}
