package org.ticketops.survey;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ticketops.web.ProblemException;

/**
 * The public survey page {@code /survey/{token}}: no log-in, one screen that works on a phone. An unknown token gets
 * 404, an expired one 410, an answered one a thank-you; nothing is written for any of them.
 */
@Controller
class SurveyPageController {

    private final SurveyService surveys;

    SurveyPageController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/survey/{token}")
    String show(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return page(surveys.state(token), token, model, response, null);
    }

    @PostMapping("/survey/{token}")
    String submit(@PathVariable String token, @RequestParam(required = false) Integer score,
                  @RequestParam(required = false) Integer nps, @RequestParam(required = false) String comment, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        try {
            SurveyService.State after = surveys.submit(token, score, nps, comment);
            if (after == SurveyService.State.ANSWERED && surveys.state(token) == SurveyService.State.ANSWERED) {
                model.addAttribute("thanks", true);
            }
            return page(after, token, model, response, null);
        } catch (ProblemException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(SurveyService.State.OPEN, token, model, response, refused.getMessage());
        }
    }

    private String page(SurveyService.State state, String token, Model model, jakarta.servlet.http.HttpServletResponse response,
                        String refusal) {
        model.addAttribute("state", state.name());
        model.addAttribute("token", token);
        model.addAttribute("refusal", refusal);
        if (state == SurveyService.State.UNKNOWN) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else if (state == SurveyService.State.EXPIRED) {
            response.setStatus(HttpStatus.GONE.value());
        }
        return "survey/page";
    }
}
