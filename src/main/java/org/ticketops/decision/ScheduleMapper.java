package org.ticketops.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ScheduleMapper {

    final class Row {
        public Long id;
        public String tableName;
        public int version;
        public Instant activateAt;
        public String comment;
        public String scheduledBy;
        public Instant scheduledAt;
    }

    @Insert("""
            INSERT INTO to_decision_table_schedules (table_name, version, activate_at, comment, scheduled_by, scheduled_at, status)
            VALUES (#{tableName}, #{version}, #{activateAt}, #{comment}, #{scheduledBy}, #{scheduledAt}, 'PENDING')""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    String COLUMNS = "id, table_name, version, activate_at, comment, scheduled_by, scheduled_at, status, done_at";

    @Select("SELECT " + COLUMNS + " FROM to_decision_table_schedules WHERE table_name = #{table} ORDER BY activate_at DESC, id DESC")
    List<ScheduledActivation> findOfTable(String table);

    @Select("SELECT " + COLUMNS + " FROM to_decision_table_schedules WHERE id = #{id} AND table_name = #{table}")
    Optional<ScheduledActivation> find(@Param("table") String table, @Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM to_decision_table_schedules WHERE status = 'PENDING' AND activate_at <= #{now} ORDER BY activate_at, id")
    List<ScheduledActivation> findDue(Instant now);

    /** PENDING → DONE or CANCELLED; 0 when another node (or a cancellation) got there first. */
    @Update("UPDATE to_decision_table_schedules SET status = #{to}, done_at = #{at} WHERE id = #{id} AND status = 'PENDING'")
    int finish(@Param("id") long id, @Param("to") String to, @Param("at") Instant at);
}
