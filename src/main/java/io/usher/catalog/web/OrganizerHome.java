package io.usher.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The organizer console's address on its own leads to its events. */
@Controller
class OrganizerHome {

    @GetMapping("/organizer")
    String home() {
        return "redirect:/organizer/events";
    }
}
