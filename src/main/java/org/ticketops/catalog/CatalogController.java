package org.ticketops.catalog;

import java.net.URI;
import java.security.Principal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.catalog.CatalogCommands.CategoryChanges;
import org.ticketops.catalog.CatalogCommands.EventChanges;
import org.ticketops.catalog.CatalogCommands.NewCategory;
import org.ticketops.catalog.CatalogCommands.NewEvent;
import org.ticketops.catalog.CatalogCommands.NewShow;
import org.ticketops.catalog.CatalogCommands.ShowChanges;

/** The center builds its catalog: events, their shows and the shows' ticket categories. */
@RestController
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "A new event")
    @PostMapping("/api/events")
    ResponseEntity<Event> createEvent(@Valid @RequestBody NewEvent event, Principal user) {
        Event created = catalog.createEvent(event, user.getName());
        return ResponseEntity.created(URI.create("/api/events/" + created.id())).body(created);
    }

    @GetMapping("/api/events/{id}")
    Event event(@PathVariable long id) {
        return catalog.event(id);
    }

    @Operation(summary = "Changes an event: only the fields sent")
    @PatchMapping("/api/events/{id}")
    Event updateEvent(@PathVariable long id, @Valid @RequestBody EventChanges changes, Principal user) {
        return catalog.updateEvent(id, changes, user.getName());
    }

    @Operation(summary = "A new show of an event, on sale")
    @PostMapping("/api/events/{id}/shows")
    ResponseEntity<Show> createShow(@PathVariable long id, @Valid @RequestBody NewShow show, Principal user) {
        Show created = catalog.createShow(id, show, user.getName());
        return ResponseEntity.created(URI.create("/api/shows/" + created.id())).body(created);
    }

    /** A show after a change; a cancellation also names its case and how many paid orders it refunds. */
    record ShowAnswer(@JsonUnwrapped Show show, ShowCancellations.Started cancellation) {
    }

    @Operation(summary = "Changes a show; status CANCELLED starts a refund request for every paid order of it")
    @PatchMapping("/api/shows/{id}")
    ShowAnswer updateShow(@PathVariable long id, @Valid @RequestBody ShowChanges changes, Principal user) {
        CatalogService.ShowChanged changed = catalog.updateShow(id, changes, user.getName());
        return new ShowAnswer(changed.show(), changed.cancellation());
    }

    @Operation(summary = "A new ticket category of a show")
    @PostMapping("/api/shows/{id}/categories")
    ResponseEntity<TicketCategory> createCategory(@PathVariable long id, @Valid @RequestBody NewCategory category,
                                                  Principal user) {
        TicketCategory created = catalog.createCategory(id, category, user.getName());
        return ResponseEntity.created(URI.create("/api/categories/" + created.id())).body(created);
    }

    @GetMapping("/api/categories/{id}")
    TicketCategory category(@PathVariable long id) {
        return catalog.category(id);
    }

    @Operation(summary = "Changes a category; a sold category's price only through a price-change review (409)")
    @PatchMapping("/api/categories/{id}")
    TicketCategory updateCategory(@PathVariable long id, @Valid @RequestBody CategoryChanges changes, Principal user) {
        return catalog.updateCategory(id, changes, user.getName());
    }
}
