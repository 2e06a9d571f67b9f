package org.ticketops.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A category's stock outside a sale (stocktaking, write-off): the categories a count covers, the figure now, and a
 * move of available by a difference in one conditional update, so that sales going on at the same time are neither
 * lost nor double-counted and available never leaves 0..capacity.
 */
@Service
public class StockLevels {

    /** Available before and after a move. */
    public record Move(int before, int after) {
    }

    private final StockMapper stock;

    StockLevels(StockMapper stock) {
        this.stock = stock;
    }

    public List<Long> categoriesOfShow(long showId) {
        return stock.categoriesOfShow(showId);
    }

    /** The categories of the event's shows still on sale. */
    public List<Long> categoriesOfEvent(long eventId, Instant now) {
        return stock.categoriesOfEvent(eventId, now);
    }

    /** The categories of every show still on sale. */
    public List<Long> categoriesOnSale(Instant now) {
        return stock.categoriesOnSale(now);
    }

    public int available(long categoryId) {
        Integer available = stock.available(categoryId);
        if (available == null) {
            throw new org.ticketops.web.NotFound("ticket category", categoryId);
        }
        return available;
    }

    /** Moves available by {@code delta}; empty when that would go below 0 or above the capacity (nothing moved). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Move> move(long categoryId, int delta) {
        if (stock.adjust(categoryId, delta) != 1) {
            return Optional.empty();
        }
        int after = available(categoryId);
        return Optional.of(new Move(after - delta, after));
    }
}
