package org.ticketops.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DecisionTableMapper {

    List<TableVersion> findVersions(String table);

    Optional<TableVersion> findVersion(@Param("table") String table, @Param("version") int version);

    Optional<StoredContent> findContent(@Param("table") String table, @Param("version") int version);

    int maxVersion(String table);

    void insertVersion(VersionRow row);

    List<ActiveRow> findActive();

    int insertActive(@Param("table") String table, @Param("version") int version, @Param("by") String by,
                     @Param("at") Instant at);

    int updateActive(@Param("table") String table, @Param("version") int version, @Param("by") String by,
                     @Param("at") Instant at);

    /** Locks the table's pointer row so two uploads cannot take the same version number. */
    Optional<Integer> lockActive(String table);

    void insertDecision(DecisionRow row);

    @org.apache.ibatis.annotations.Select("SELECT COUNT(*) FROM to_decisions WHERE process_instance_id = #{processInstanceId}")
    int countForProcessInstance(String processInstanceId);

    @org.apache.ibatis.annotations.Select("SELECT COUNT(*) FROM to_decisions WHERE subject_type = #{type} AND subject_id = #{id}"
            + " AND process_instance_id IS NULL")
    int countForSubjectWithoutProcessInstance(@org.apache.ibatis.annotations.Param("type") String type,
                                              @org.apache.ibatis.annotations.Param("id") String id);

    @org.apache.ibatis.annotations.Select("SELECT table_name, table_version, input, output, decided_at FROM to_decisions"
            + " WHERE subject_type = #{type} AND subject_id = #{id} AND table_name = #{table}"
            + " ORDER BY decided_at DESC, id DESC LIMIT #{limit}")
    java.util.List<LoggedDecision> findForSubject(@org.apache.ibatis.annotations.Param("type") String type,
                                                  @org.apache.ibatis.annotations.Param("id") String id,
                                                  @org.apache.ibatis.annotations.Param("table") String table,
                                                  @org.apache.ibatis.annotations.Param("limit") int limit);

    @org.apache.ibatis.annotations.Select("SELECT table_name, table_version, input, output, decided_at FROM to_decisions"
            + " WHERE process_instance_id = #{pid} ORDER BY decided_at DESC, id DESC")
    java.util.List<LoggedDecision> findForProcessInstance(@org.apache.ibatis.annotations.Param("pid") String processInstanceId);

    record StoredContent(String fileName, byte[] content, String scenarios) {
    }

    record ActiveRow(String tableName, int activeVersion, String contentHash, String activatedBy, Instant activatedAt,
                     int versions) {
    }

    final class VersionRow {
        public String table;
        public int version;
        public String contentHash;
        public String fileName;
        public byte[] content;
        public String scenarios;
        public int ruleCount;
        public String uploadedBy;
        public Instant uploadedAt;
        public String comment;
    }

    final class DecisionRow {
        public String table;
        public int version;
        public String contentHash;
        public String subjectType;
        public String subjectId;
        public String processInstanceId;
        public String input;
        public String output;
        public Instant decidedAt;
    }
}
