package org.ticketops.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The monitor's tables (see V22__monitor.sql) and the few reads of the engine's tables it needs. SQL in MonitorMapper.xml. */
@Mapper
interface MonitorMapper {

    /** One aggregate row: {@code owner} is the process key (or group id), {@code item} the end event or flow node. */
    final class Row {
        public String owner;
        public String item;
        public String grain;
        public LocalDate period;
        public String nodeType;
        public long started;
        public long completed;
        public long totalMs;
        public long maxMs;
        public byte[] histogram;
    }

    /** A count by one or two keys. */
    final class Count {
        public String owner;
        public String item;
        public long amount;
    }

    /** Open tasks of a candidate group by age. */
    final class OpenTasks {
        public String groupId;
        public long underHour;
        public long hourTo8;
        public long hour8To24;
        public long day1To3;
        public long over3Days;
    }

    final class TaskGroup {
        public String taskId;
        public String groupId;
    }

    // ---- facts (the history handler writes, the fold reads and deletes) ----
    void insertFacts(@Param("facts") List<Fact> facts);

    List<Fact> nextFacts(@Param("limit") int limit, @Param("after") Instant after);

    int deleteFacts(@Param("ids") Collection<Long> ids);

    int deleteFactsBefore(@Param("before") Instant before);

    long countFacts();

    // ---- the fold lock ----
    String lockFold();

    void markFolded(@Param("at") Instant at, @Param("facts") long facts);

    Instant lastFold();

    void setRebuildCut(@Param("cut") Instant cut);

    Instant rebuildCut();

    // ---- aggregates, written ----
    Row processRow(@Param("key") Aggregates.ProcessKey key);

    int updateProcess(@Param("key") Aggregates.ProcessKey key, @Param("row") Row row);

    void insertProcess(@Param("key") Aggregates.ProcessKey key, @Param("row") Row row);

    Row nodeRow(@Param("key") Aggregates.NodeKey key);

    int updateNode(@Param("key") Aggregates.NodeKey key, @Param("row") Row row);

    void insertNode(@Param("key") Aggregates.NodeKey key, @Param("row") Row row);

    Row groupRow(@Param("key") Aggregates.GroupKey key);

    int updateGroup(@Param("key") Aggregates.GroupKey key, @Param("row") Row row);

    void insertGroup(@Param("key") Aggregates.GroupKey key, @Param("row") Row row);

    int addBreaches(@Param("key") Aggregates.BreachKey key, @Param("breaches") long breaches);

    void insertBreaches(@Param("key") Aggregates.BreachKey key, @Param("breaches") long breaches);

    void insertSlow(@Param("slow") Aggregates.Slow slow);

    List<Aggregates.Slow> slowestOfDay(@Param("processKey") String processKey, @Param("period") LocalDate period);

    int deleteSlow(@Param("ids") Collection<String> processInstanceIds);

    void clear(@Param("table") String table);

    // ---- aggregates, read ----
    List<Row> processRows(@Param("processKey") String processKey, @Param("endNode") String endNode, @Param("grain") String grain,
                          @Param("from") LocalDate from, @Param("to") LocalDate to);

    List<Row> nodeRows(@Param("processKey") String processKey, @Param("grain") String grain,
                       @Param("from") LocalDate from, @Param("to") LocalDate to);

    List<Row> groupRows(@Param("grain") String grain, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Started and completed per process and end event ({@code *} = all) over whole days, without histograms. */
    List<Row> processTotals(@Param("from") LocalDate from, @Param("to") LocalDate to);

    List<Count> breaches(@Param("processKey") String processKey, @Param("from") LocalDate from, @Param("to") LocalDate to);

    List<Aggregates.Slow> slowest(@Param("processKey") String processKey, @Param("from") LocalDate from,
                                  @Param("to") LocalDate to, @Param("limit") int limit);

    /** Every row of one aggregate table, in key order (the rebuild test compares them). */
    List<Row> allRows(@Param("table") String table);

    List<Aggregates.Slow> allSlowest();

    List<Count> allBreaches();

    // ---- the engine's tables ----
    List<TaskGroup> candidateGroups(@Param("taskIds") Collection<String> taskIds);

    List<Count> openInstances();

    // The engine writes its times as java.util.Date (through the JVM's zone), so they are compared and read as Dates.
    List<OpenTasks> openTasksByGroup(@Param("processKey") String processKey, @Param("hour") Date hour,
                                     @Param("hours8") Date hours8, @Param("day") Date day, @Param("days3") Date days3);

    /** The open tasks of each candidate group (of one process, or all when null) by age at {@code now}. */
    default List<OpenTasks> openTasksAt(String processKey, Instant now) {
        return openTasksByGroup(processKey, Date.from(now.minus(java.time.Duration.ofHours(1))),
                Date.from(now.minus(java.time.Duration.ofHours(8))), Date.from(now.minus(java.time.Duration.ofDays(1))),
                Date.from(now.minus(java.time.Duration.ofDays(3))));
    }

    List<Fact> historyStarts(@Param("from") Date from, @Param("to") Date to);

    List<Fact> historyEnds(@Param("from") Date from, @Param("to") Date to);

    List<Fact> historyNodes(@Param("from") Date from, @Param("to") Date to);

    Date firstHistory();
}
