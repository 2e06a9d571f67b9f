package org.ticketops.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A customer record: phone in E.164, e-mail in lower case, whether they agreed to be contacted, active or not. */
public record Customer(Long id, String name, String phone, String email, MemberTier memberTier, LocalDate birthday,
                       CustomerType customerType, boolean consentToContact, boolean active, Instant createdAt,
                       Instant updatedAt) {
}
