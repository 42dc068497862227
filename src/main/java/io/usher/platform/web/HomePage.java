package io.usher.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: a short welcome with the way in. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
