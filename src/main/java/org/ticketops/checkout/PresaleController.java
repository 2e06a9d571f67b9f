package org.ticketops.checkout;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PresaleController {

    private final PresaleService presales;

    PresaleController(PresaleService presales) {
        this.presales = presales;
    }

    /** A presale of a show: when, which member tiers, how many tickets per customer (operations-manager). */
    @PostMapping("/api/shows/{id}/presales")
    ResponseEntity<Presale> create(@PathVariable long id, @Valid @RequestBody PresaleService.NewPresale presale,
                                   Principal user) {
        Presale created = presales.create(id, presale, user.getName());
        return ResponseEntity.created(URI.create("/api/shows/" + id + "/presales")).body(created);
    }

    @GetMapping("/api/shows/{id}/presales")
    List<Presale> list(@PathVariable long id) {
        return presales.ofShow(id);
    }
}
