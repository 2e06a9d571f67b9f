package org.ticketops.audit;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AuditMapper {

    @Insert("""
            INSERT INTO to_audit_events (occurred_at, actor, action, subject_type, subject_id, detail)
            VALUES (#{occurredAt}, #{actor}, #{action}, #{subjectType}, #{subjectId}, #{detail})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    @Select("""
            SELECT id, occurred_at, actor, action, subject_type, subject_id, detail FROM to_audit_events
            WHERE subject_type = #{subjectType} AND subject_id = #{subjectId} ORDER BY occurred_at, id""")
    List<AuditEvent> findBySubject(String subjectType, String subjectId);

    final class Row {
        public Long id;
        public java.time.Instant occurredAt;
        public String actor;
        public String action;
        public String subjectType;
        public String subjectId;
        public String detail;
    }
}
