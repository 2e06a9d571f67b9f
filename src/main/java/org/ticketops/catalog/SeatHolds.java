package org.ticketops.catalog;

import java.time.Clock;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats held for a case (an exchange waiting for its payment): taken from a category's availability in one
 * conditional update, and then either given back (released) or turned into tickets (converted), once.
 * A case holds at most one hold (a unique key).
 */
@Service
public class SeatHolds {

    /** A hold: which category, how many seats, and whether they are HELD, RELEASED or CONVERTED. */
    public record Hold(long caseId, long categoryId, int quantity, String status) {
        public boolean held() {
            return "HELD".equals(status);
        }
    }

    @Mapper
    interface SeatHoldMapper {
        @Insert("""
                INSERT INTO to_seat_holds (case_id, category_id, quantity, status, created_at)
                VALUES (#{caseId}, #{categoryId}, #{quantity}, 'HELD', #{at})""")
        void insert(@Param("caseId") long caseId, @Param("categoryId") long categoryId, @Param("quantity") int quantity,
                    @Param("at") java.time.Instant at);

        @Select("SELECT case_id, category_id, quantity, status FROM to_seat_holds WHERE case_id = #{caseId}")
        Optional<Hold> find(long caseId);

        @Update("""
                UPDATE to_seat_holds SET status = #{to}, closed_at = #{at}
                WHERE case_id = #{caseId} AND status = 'HELD'""")
        int close(@Param("caseId") long caseId, @Param("to") String to, @Param("at") java.time.Instant at);
    }

    private final SeatHoldMapper holds;
    private final CatalogService catalog;
    private final Clock clock;

    SeatHolds(SeatHoldMapper holds, CatalogService catalog, Clock clock) {
        this.holds = holds;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Optional<Hold> of(long caseId) {
        return holds.find(caseId);
    }

    /** Holds {@code quantity} seats of a category for a case; false when not that many are left. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hold(long caseId, long categoryId, int quantity) {
        if (holds.find(caseId).isPresent()) {
            return true;
        }
        if (!catalog.tryTake(categoryId, quantity)) {
            return false;
        }
        holds.insert(caseId, categoryId, quantity, clock.instant());
        return true;
    }

    /** Gives held seats back to the category; the hold it released, if there was one still held. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Hold> release(long caseId) {
        Optional<Hold> hold = holds.find(caseId).filter(Hold::held);
        if (hold.isPresent() && holds.close(caseId, "RELEASED", clock.instant()) == 1) {
            catalog.giveBack(hold.get().categoryId(), hold.get().quantity());
            return hold;
        }
        return Optional.empty();
    }

    /** The held seats became tickets: the hold is closed and the seats stay taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void convert(long caseId) {
        holds.close(caseId, "CONVERTED", clock.instant());
    }
}
