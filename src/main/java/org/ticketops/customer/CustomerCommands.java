package org.ticketops.customer;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/** What staff send to keep customer records; a change names only what changes (an empty phone or e-mail clears it). */
public final class CustomerCommands {

    private CustomerCommands() {
    }

    public record NewCustomer(@NotBlank @Size(max = 200) String name, @Size(max = 40) String phone,
                              @Email @Size(max = 200) String email, @NotNull MemberTier memberTier,
                              @NotNull CustomerType customerType, @Past LocalDate birthday, Boolean consentToContact) {
    }

    public record CustomerChanges(@Size(min = 1, max = 200) String name, @Size(max = 40) String phone,
                                  @Email @Size(max = 200) String email, MemberTier memberTier, CustomerType customerType,
                                  @Past LocalDate birthday, Boolean consentToContact, Boolean active) {
    }
}
