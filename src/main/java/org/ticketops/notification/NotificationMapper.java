package org.ticketops.notification;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface NotificationMapper {

    @Insert("""
            INSERT INTO to_notifications (channel, recipient, template, payload, subject_type, subject_id,
                                          idempotency_key, created_at)
            VALUES (#{channel}, #{recipient}, #{template}, #{payload}, #{subjectType}, #{subjectId}, #{key}, #{createdAt})""")
    void insert(@Param("channel") Notification.Channel channel, @Param("recipient") String recipient,
                @Param("template") String template, @Param("payload") String payload,
                @Param("subjectType") String subjectType, @Param("subjectId") String subjectId,
                @Param("key") String key, @Param("createdAt") Instant createdAt);

    @Select("SELECT COUNT(*) FROM to_notifications WHERE idempotency_key = #{key}")
    int countByKey(String key);

    @Select("""
            SELECT id, channel, recipient, template, payload, subject_type, subject_id, created_at, sent_at
            FROM to_notifications WHERE subject_type = #{subjectType} AND subject_id = #{subjectId} ORDER BY id""")
    List<Notification> findBySubject(@Param("subjectType") String subjectType, @Param("subjectId") String subjectId);

    @Select("""
            SELECT id, channel, recipient, template, payload, subject_type, subject_id, created_at, sent_at
            FROM to_notifications WHERE sent_at IS NULL ORDER BY created_at, id LIMIT #{limit}""")
    List<Notification> findUnsent(int limit);

    @Update("UPDATE to_notifications SET sent_at = #{at} WHERE id = #{id} AND sent_at IS NULL")
    int markSent(@Param("id") long id, @Param("at") Instant at);
}
