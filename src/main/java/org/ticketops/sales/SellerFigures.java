package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.stereotype.Service;

/** What one member of staff sold in a period (orders with them as {@code soldBy}), for their performance review. */
@Service
public class SellerFigures {

    /** Orders, their tickets and their totals as sold (later refunds are the refunds' figures). */
    public record Figures(long orders, long tickets, BigDecimal revenue) {
    }

    private final SalesMapper sales;

    SellerFigures(SalesMapper sales) {
        this.sales = sales;
    }

    /** Sold from {@code from} (inclusive) to {@code to} (exclusive). */
    public Figures soldBy(String user, Instant from, Instant to) {
        Figures figures = sales.salesBy(user, from, to);
        return figures == null ? new Figures(0, 0, BigDecimal.ZERO.setScale(2)) : figures;
    }
}
