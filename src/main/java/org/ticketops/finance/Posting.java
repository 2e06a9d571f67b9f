package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A journal line: a signed amount on an account for a business day, with what it refers to. */
public record Posting(long id, LocalDate businessDay, String account, BigDecimal amount, String reference,
                      LocalDate correctsDay, String description, String postedBy, Instant postedAt) {
}
