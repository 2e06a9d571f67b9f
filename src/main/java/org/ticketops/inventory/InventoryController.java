package org.ticketops.inventory;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stocktakes and inventory movements: operations managers start a count; staff who handle stock read them. */
@RestController
@Tag(name = "Inventory")
class InventoryController {

    private final Stocktakes stocktakes;

    InventoryController(Stocktakes stocktakes) {
        this.stocktakes = stocktakes;
    }

    /** A stocktake with its counts. */
    record StocktakeView(Stocktake stocktake, List<StockCount> counts) {
    }

    @Operation(summary = "Start a stocktake of a show, an event's shows on sale or every show on sale")
    @PostMapping("/api/stocktakes")
    ResponseEntity<StocktakeView> start(@RequestBody Stocktakes.Scope scope, Principal user) {
        Stocktake started = stocktakes.start(scope, user.getName());
        return ResponseEntity.created(URI.create("/api/stocktakes/" + started.id())).body(view(started.id()));
    }

    @GetMapping("/api/stocktakes/{id}")
    StocktakeView stocktake(@PathVariable long id) {
        return view(id);
    }

    @Operation(summary = "A category's inventory movements outside sales (adjustments, write-offs), oldest first")
    @GetMapping("/api/inventory-movements")
    List<Movement> movements(@RequestParam long categoryId) {
        return stocktakes.movements(categoryId);
    }

    private StocktakeView view(long id) {
        return new StocktakeView(stocktakes.stocktake(id), stocktakes.counts(id));
    }
}
