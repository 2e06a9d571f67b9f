package org.ticketops.customer;

import java.time.Instant;
import java.time.LocalDate;

public record Customer(Long id, String name, String phone, String email, MemberTier memberTier, LocalDate birthday,
                       CustomerType customerType, Instant createdAt) {
}
