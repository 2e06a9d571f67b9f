package org.ticketops.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface NotificationMapper {

    String COLUMNS = "id, channel, recipient, template, payload, subject_type, subject_id, created_at, sent_at, status,"
            + " attempts, next_attempt_at, last_error";

    @Insert("""
            INSERT INTO to_notifications (channel, recipient, template, payload, subject_type, subject_id,
                                          idempotency_key, created_at, status, attempts, next_attempt_at)
            VALUES (#{channel}, #{recipient}, #{template}, #{payload}, #{subjectType}, #{subjectId}, #{key}, #{createdAt},
                    'PENDING', 0, #{createdAt})""")
    void insert(@Param("channel") Notification.Channel channel, @Param("recipient") String recipient,
                @Param("template") String template, @Param("payload") String payload,
                @Param("subjectType") String subjectType, @Param("subjectId") String subjectId,
                @Param("key") String key, @Param("createdAt") Instant createdAt);

    @Select("SELECT COUNT(*) FROM to_notifications WHERE idempotency_key = #{key}")
    int countByKey(String key);

    @Select("SELECT " + COLUMNS + " FROM to_notifications WHERE subject_type = #{subjectType} AND subject_id = #{subjectId}"
            + " ORDER BY id")
    List<Notification> findBySubject(@Param("subjectType") String subjectType, @Param("subjectId") String subjectId);

    @Select("SELECT " + COLUMNS + " FROM to_notifications WHERE id = #{id}")
    Notification find(long id);

    /** Pending messages of the given channels that are due and not under another sender's lease. */
    @Select("""
            <script>
            SELECT id FROM to_notifications
            WHERE status = 'PENDING' AND next_attempt_at &lt;= #{now}
              AND (claimed_until IS NULL OR claimed_until &lt; #{now})
              AND channel IN <foreach item="c" collection="channels" open="(" separator="," close=")">#{c}</foreach>
            ORDER BY next_attempt_at, id LIMIT #{limit}
            </script>""")
    List<Long> findDue(@Param("channels") Collection<Notification.Channel> channels, @Param("now") Instant now,
                       @Param("limit") int limit);

    /** Takes a message for one sender until {@code until}: 1 for exactly one of any number of concurrent senders. */
    @Update("""
            UPDATE to_notifications SET claimed_by = #{sender}, claimed_until = #{until}
            WHERE id = #{id} AND status = 'PENDING' AND next_attempt_at <= #{now}
              AND (claimed_until IS NULL OR claimed_until < #{now})""")
    int claim(@Param("id") long id, @Param("sender") String sender, @Param("now") Instant now, @Param("until") Instant until);

    @Update("""
            UPDATE to_notifications SET status = 'SENT', sent_at = #{at}, attempts = attempts + 1, last_error = NULL,
                                        claimed_until = NULL
            WHERE id = #{id} AND claimed_by = #{sender} AND status = 'PENDING'""")
    int markSent(@Param("id") long id, @Param("sender") String sender, @Param("at") Instant at);

    @Update("""
            UPDATE to_notifications SET status = #{status}, attempts = attempts + 1, next_attempt_at = #{next},
                                        last_error = #{error}, claimed_until = NULL
            WHERE id = #{id} AND claimed_by = #{sender} AND status = 'PENDING'""")
    int markFailedAttempt(@Param("id") long id, @Param("sender") String sender, @Param("status") String status,
                          @Param("next") Instant next, @Param("error") String error);

    @Select("SELECT " + COLUMNS + " FROM to_notifications WHERE status = #{status} ORDER BY id DESC LIMIT #{limit}")
    List<Notification> findByStatus(@Param("status") String status, @Param("limit") int limit);

    @Update("""
            UPDATE to_notifications SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}, claimed_until = NULL
            WHERE id = #{id} AND status = 'FAILED'""")
    int retry(@Param("id") long id, @Param("now") Instant now);
}
