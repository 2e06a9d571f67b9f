package org.ticketops.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What staff send to build the catalog. A change ({@code ...Changes}) names only what changes: a field
 * left out stays as it is; an empty organizer or description clears it.
 */
public final class CatalogCommands {

    private CatalogCommands() {
    }

    public record NewEvent(@NotBlank @Size(max = 200) String name, @NotNull EventKind kind,
                           @Size(max = 200) String organizer, @Size(max = 2000) String description) {
    }

    public record EventChanges(@Size(min = 1, max = 200) String name, EventKind kind, @Size(max = 200) String organizer,
                               @Size(max = 2000) String description) {
    }

    public record NewShow(@NotBlank @Size(max = 200) String venue, @NotNull OffsetDateTime startsAt,
                          OffsetDateTime endsAt) {
    }

    public record ShowChanges(@Size(min = 1, max = 200) String venue, OffsetDateTime startsAt, OffsetDateTime endsAt,
                              ShowStatus status) {
    }

    public record NewCategory(@NotBlank @Size(max = 100) String name, @NotNull TicketType type,
                              @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
                              @NotNull @Min(0) @Max(1_000_000) Integer capacity) {
    }

    public record CategoryChanges(@Size(min = 1, max = 100) String name, TicketType type,
                                  @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
                                  @Min(0) @Max(1_000_000) Integer capacity) {
    }
}
