package org.ticketops.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface DraftMapper {

    final class Row {
        public Long id;
        public String tableName;
        public int basedOn;
        public String fileName;
        public byte[] content;
        public String scenarios;
        public String comment;
        public String createdBy;
        public Instant createdAt;
    }

    @Insert("""
            INSERT INTO to_decision_table_drafts (table_name, based_on, file_name, content, scenarios, comment, created_by,
                                                  created_at, updated_at)
            VALUES (#{tableName}, #{basedOn}, #{fileName}, #{content}, #{scenarios}, #{comment}, #{createdBy}, #{createdAt},
                    #{createdAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    String COLUMNS = "id, table_name, based_on, file_name, comment, created_by, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM to_decision_table_drafts WHERE table_name = #{table} ORDER BY id DESC")
    List<TableDraft> findOfTable(String table);

    @Select("SELECT " + COLUMNS + " FROM to_decision_table_drafts WHERE id = #{id} AND table_name = #{table}")
    Optional<TableDraft> find(@Param("table") String table, @Param("id") long id);

    /** A draft's file and scenarios. */
    record Content(byte[] content, String scenarios) {
    }

    @Select("SELECT content, scenarios FROM to_decision_table_drafts WHERE id = #{id}")
    Content content(long id);

    @Update("""
            UPDATE to_decision_table_drafts SET content = #{content}, scenarios = #{scenarios}, updated_at = #{at}
            WHERE id = #{id}""")
    int update(@Param("id") long id, @Param("content") byte[] content, @Param("scenarios") String scenarios,
               @Param("at") Instant at);

    @Delete("DELETE FROM to_decision_table_drafts WHERE id = #{id}")
    int delete(long id);

    @Select("SELECT COUNT(*) FROM to_decisions WHERE table_name = #{table} AND decided_at >= #{since}")
    long countSince(@Param("table") String table, @Param("since") Instant since);

    /** The decision log, filtered, newest first. */
    @Select("""
            <script>
            SELECT id, table_name, table_version, subject_type, subject_id, process_instance_id, input, output, decided_at
            FROM to_decisions
            <where>
              <if test="table != null">AND table_name = #{table}</if>
              <if test="subjectType != null">AND subject_type = #{subjectType}</if>
              <if test="subjectId != null">AND subject_id = #{subjectId}</if>
              <if test="processInstanceId != null">AND process_instance_id = #{processInstanceId}</if>
            </where>
            ORDER BY decided_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}
            </script>""")
    List<LogEntry> findLog(@Param("table") String table, @Param("subjectType") String subjectType,
                           @Param("subjectId") String subjectId, @Param("processInstanceId") String processInstanceId,
                           @Param("offset") long offset, @Param("limit") int limit);

    /** One logged decision with what it was about. */
    record LogEntry(Long id, String tableName, int tableVersion, String subjectType, String subjectId,
                    String processInstanceId, String input, String output, Instant decidedAt) {
    }

    /** Logged decisions of a table since a moment, newest first: what a draft is replayed against. */
    @Select("""
            SELECT table_name, table_version, input, output, decided_at FROM to_decisions
            WHERE table_name = #{table} AND decided_at >= #{since} ORDER BY decided_at DESC, id DESC LIMIT #{limit}""")
    List<LoggedDecision> findLogged(@Param("table") String table, @Param("since") Instant since, @Param("limit") int limit);
}
