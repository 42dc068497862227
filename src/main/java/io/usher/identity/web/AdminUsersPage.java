package io.usher.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.usher.identity.CurrentUser;
import io.usher.identity.Role;
import io.usher.identity.internal.Accounts;
import io.usher.identity.internal.CannotChangeOwnAccess;
import io.usher.identity.internal.UserAccount;
import io.usher.identity.internal.UserNotFound;

/** Administrators find users and change their roles and whether they may sign in (ADMIN only, see security). */
@Controller
@RequestMapping("/admin/users")
class AdminUsersPage {

    private static final int PAGE_SIZE = 20;
    private static final int MAX_QUERY = 100;
    private static final int MAX_PAGE = 10_000;

    /** Roles an administrator grants; {@link Role#CUSTOMER} is everyone's and not offered. */
    static final List<RoleOption> GRANTABLE = Arrays.stream(Role.values()).filter(role -> role != Role.CUSTOMER)
            .map(RoleOption::of).toList();

    private final Accounts accounts;

    AdminUsersPage(Accounts accounts) {
        this.accounts = accounts;
    }

    record RoleOption(Role role, String label) {

        static RoleOption of(Role role) {
            var words = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return new RoleOption(role, Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
    }

    /** One user as the table shows it. */
    record UserRow(UUID id, String email, String displayName, Set<Role> roles, String roleLabels, boolean active,
            boolean emailVerified, boolean self) {

        static UserRow of(UserAccount user, UUID me) {
            var labels = user.roles().stream().sorted().map(role -> RoleOption.of(role).label()).toList();
            return new UserRow(user.id(), user.email(), user.displayName(), user.roles(), String.join(", ", labels),
                    user.active(), user.emailVerified(), user.id().equals(me));
        }
    }

    @GetMapping
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var query = query(q);
        var number = page(page);
        var me = CurrentUser.require().id().value();
        var result = accounts.search(query, number, PAGE_SIZE);
        model.addAttribute("q", query);
        model.addAttribute("users", result.items().stream().map(user -> UserRow.of(user, me)).toList());
        model.addAttribute("total", result.total());
        model.addAttribute("page", number);
        model.addAttribute("from", result.items().isEmpty() ? 0 : (long) number * PAGE_SIZE + 1);
        model.addAttribute("to", (long) number * PAGE_SIZE + result.items().size());
        model.addAttribute("hasPrevious", number > 0);
        model.addAttribute("hasNext", (long) (number + 1) * PAGE_SIZE < result.total());
        model.addAttribute("grantable", GRANTABLE);
        return "identity/admin-users";
    }

    /** Unchecked boxes are not sent: no {@code roles} means customer only, no {@code active} means deactivate. */
    @PostMapping("/{id}/access")
    String changeAccess(@PathVariable UUID id, @RequestParam(required = false) Set<Role> roles,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        try {
            accounts.changeAccess(CurrentUser.require().id().value(), id, roles == null ? Set.of() : roles, active);
            redirect.addAttribute("notice", "access-saved");
        } catch (CannotChangeOwnAccess | UserNotFound e) {
            redirect.addAttribute("error", e.code());
        }
        redirect.addAttribute("q", query(q));
        redirect.addAttribute("page", page(page));
        return "redirect:/admin/users";
    }

    private static String query(String q) {
        var stripped = q.strip();
        return stripped.length() > MAX_QUERY ? stripped.substring(0, MAX_QUERY) : stripped;
    }

    private static int page(int page) {
        return Math.clamp(page, 0, MAX_PAGE);
    }
}
