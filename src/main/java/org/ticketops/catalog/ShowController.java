package org.ticketops.catalog;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shows")
class ShowController {

    private final CatalogService catalog;

    ShowController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Shows by start time, with the tickets left over all their categories. */
    @GetMapping
    List<Show> list(@RequestParam(required = false) Long eventId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        return catalog.shows(eventId, from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
    }

    /** One show with its event and every ticket category with its price and availability. */
    @GetMapping("/{id}")
    ShowDetails get(@PathVariable long id) {
        return catalog.showDetails(id);
    }
}
