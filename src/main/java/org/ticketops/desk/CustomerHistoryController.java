package org.ticketops.desk;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class CustomerHistoryController {

    private final CustomerHistory history;

    CustomerHistoryController(CustomerHistory history) {
        this.history = history;
    }

    /** The customer's record: orders, refunds and exchanges, quotes; newest first, one list with a type per entry. */
    @GetMapping("/api/customers/{id}/history")
    List<HistoryEntry> history(@PathVariable long id, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return history.of(id, limit);
    }
}
