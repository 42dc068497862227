package io.usher.desk.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Ticket descriptions are Markdown, kept as written; whoever shows them gets HTML that passed an allow-list
 * sanitizer, so formatting and links survive and scripts, handlers, styles and {@code javascript:} links do not.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES).and(new HtmlPolicyBuilder().allowElements("pre", "hr", "code").toFactory());

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown))).strip();
    }
}
