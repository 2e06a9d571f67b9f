package org.ticketops.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.platform.TicketOpsProperties;

/**
 * The center's journal: balanced lines by business day. A line is never changed; a correction of a closed day is
 * posted to the current day and names the day it corrects. Each pair of lines is posted once per reference (unique
 * key), so a repeated step posts nothing twice.
 */
@Service
public class FinancePostings {

    public static final String INVENTORY = "TICKET_INVENTORY";
    public static final String WRITE_OFF_EXPENSE = "WRITE_OFF_EXPENSE";

    private final PostingMapper mapper;
    private final Clock clock;
    private final TicketOpsProperties ticketOps;

    FinancePostings(PostingMapper mapper, Clock clock, TicketOpsProperties ticketOps) {
        this.mapper = mapper;
        this.clock = clock;
        this.ticketOps = ticketOps;
    }

    /** Today in the center's zone: the business day new lines go to. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ticketOps.zone());
    }

    /**
     * Debits {@code debit} and credits {@code credit} with {@code amount} on today's business day; returns false
     * when the reference was posted already (nothing posted).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(String debit, String credit, BigDecimal amount, String reference, LocalDate correctsDay,
                        String description, String user) {
        if (!mapper.byReference(reference).isEmpty()) {
            return false;
        }
        BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP);
        LocalDate day = today();
        mapper.insert(new Posting(0, day, debit, value, reference, correctsDay, description, user, clock.instant()));
        mapper.insert(new Posting(0, day, credit, value.negate(), reference, correctsDay, description, user, clock.instant()));
        return true;
    }

    public List<Posting> byReference(String reference) {
        return mapper.byReference(reference);
    }

    public List<Posting> ofDay(LocalDate day) {
        return mapper.ofDay(day);
    }
}
