package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface SettlementMapper {

    final class FileRow {
        public Long id;
        public String name;
        public String sha256;
        public String source;
        public String uploadedBy;
        public Instant uploadedAt;
        public int lineCount;
        public BigDecimal total;
    }

    record Line(int lineNo, String reference, BigDecimal amount, BigDecimal fee, LocalDate valueDate) {
    }

    /** A stored line with its id. */
    record Stored(long id, String reference, BigDecimal amount, BigDecimal fee) {
    }

    @Select("SELECT id FROM to_settlement_files WHERE sha256 = #{sha256}")
    Long fileByHash(String sha256);

    @Insert("""
            INSERT INTO to_settlement_files (name, sha256, source, uploaded_by, uploaded_at, line_count, total)
            VALUES (#{name}, #{sha256}, #{source}, #{uploadedBy}, #{uploadedAt}, #{lineCount}, #{total})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertFile(FileRow row);

    @Insert("""
            <script>INSERT INTO to_settlement_lines (file_id, line_no, reference, amount, fee, value_date) VALUES
            <foreach item="l" collection="lines" separator=",">(#{fileId}, #{l.lineNo}, #{l.reference}, #{l.amount}, #{l.fee},
            #{l.valueDate})</foreach></script>""")
    void insertLines(@Param("fileId") long fileId, @Param("lines") List<Line> lines);

    @Select("SELECT id, reference, amount, fee FROM to_settlement_lines WHERE value_date = #{day} ORDER BY id")
    List<Stored> linesOf(LocalDate day);
}
