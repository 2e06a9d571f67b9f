package org.ticketops.casework;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CaseMapper {

    final class Row {
        public Long id;
        public String caseType;
        public String businessKey;
        public String processInstanceId;
        public String status;
        public String openedBy;
        public Instant openedAt;
        public Instant updatedAt;
    }

    @Insert("""
            INSERT INTO to_cases (case_type, business_key, process_instance_id, status, opened_by, opened_at, updated_at)
            VALUES (#{caseType}, #{businessKey}, #{processInstanceId}, #{status}, #{openedBy}, #{openedAt}, #{updatedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    String COLUMNS = "id, case_type, business_key, process_instance_id, status, opened_by, opened_at, closed_at, due_at,"
            + " updated_at";

    @Select("SELECT " + COLUMNS + " FROM to_cases WHERE id = #{id}")
    Case find(long id);

    @Select("SELECT " + COLUMNS + " FROM to_cases WHERE process_instance_id = #{processInstanceId}")
    Case findByProcessInstance(String processInstanceId);

    /** Moves a case only from the status it was read in, and only while it is open: 1 when it moved. */
    @Update("""
            UPDATE to_cases SET status = #{to}, updated_at = #{at}, closed_at = #{closedAt}
            WHERE id = #{id} AND status = #{from} AND closed_at IS NULL""")
    int move(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("at") Instant at,
             @Param("closedAt") Instant closedAt);

    @Update("UPDATE to_cases SET due_at = #{dueAt}, updated_at = #{at} WHERE id = #{id}")
    int setDue(@Param("id") long id, @Param("dueAt") Instant dueAt, @Param("at") Instant at);

    @Insert("""
            INSERT INTO to_case_transitions (case_id, from_status, to_status, occurred_at, actor, reason)
            VALUES (#{caseId}, #{from}, #{to}, #{at}, #{actor}, #{reason})""")
    void insertTransition(@Param("caseId") long caseId, @Param("from") String from, @Param("to") String to,
                          @Param("at") Instant at, @Param("actor") String actor, @Param("reason") String reason);

    @Select("""
            SELECT id, case_id, from_status, to_status, occurred_at, actor, reason FROM to_case_transitions
            WHERE case_id = #{caseId} ORDER BY id""")
    List<CaseTransition> transitions(long caseId);
}
