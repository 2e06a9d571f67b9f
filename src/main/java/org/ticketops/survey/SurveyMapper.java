package org.ticketops.survey;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface SurveyMapper {

    @Insert("""
            INSERT INTO to_surveys (token, customer_id, subject_type, subject_id, created_at, expires_at)
            VALUES (#{token}, #{customerId}, #{subjectType}, #{subjectId}, #{at}, #{expiresAt})""")
    void insert(@Param("token") String token, @Param("customerId") long customerId, @Param("subjectType") String subjectType,
                @Param("subjectId") String subjectId, @Param("at") Instant at, @Param("expiresAt") Instant expiresAt);

    String COLUMNS = "id, token, customer_id, subject_type, subject_id, created_at, expires_at, submitted_at, score, nps, comment";

    @Select("SELECT " + COLUMNS + " FROM to_surveys WHERE token = #{token}")
    Optional<Survey> byToken(String token);

    @Select("SELECT " + COLUMNS + " FROM to_surveys WHERE subject_type = #{type} AND subject_id = #{id}")
    java.util.List<Survey> bySubject(@Param("type") String type, @Param("id") String id);

    @Select("SELECT " + COLUMNS + " FROM to_surveys WHERE customer_id = #{customerId} ORDER BY created_at DESC, id DESC LIMIT #{limit}")
    java.util.List<Survey> ofCustomer(@Param("customerId") long customerId, @Param("limit") int limit);

    /** Buyers (with a ticket still sold) of the shows that started in the window: customer and show. */
    final class Buyer {
        public long customerId;
        public long showId;
    }

    @Select("""
            SELECT DISTINCT o.customer_id, o.show_id FROM to_orders o JOIN to_shows s ON s.id = o.show_id
            WHERE s.starts_at >= #{from} AND s.starts_at < #{to} AND s.status <> 'CANCELLED'
              AND EXISTS (SELECT 1 FROM to_tickets t WHERE t.order_id = o.id AND t.status = 'SOLD')
            ORDER BY o.show_id, o.customer_id""")
    java.util.List<Buyer> buyers(@Param("from") Instant from, @Param("to") Instant to);

    /** The answer, once and only before the link expires. */
    @Update("""
            UPDATE to_surveys SET submitted_at = #{at}, score = #{score}, nps = #{nps}, comment = #{comment}
            WHERE token = #{token} AND submitted_at IS NULL AND expires_at > #{at}""")
    int submit(@Param("token") String token, @Param("score") int score, @Param("nps") int nps,
               @Param("comment") String comment, @Param("at") Instant at);
}
