package org.ticketops.pricing;

import java.math.BigDecimal;
import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface QuoteMapper {

    @Insert("""
            INSERT INTO to_quotes (customer_id, category_id, quantity, unit_price, total, quoted_at, valid_until)
            VALUES (#{customerId}, #{categoryId}, #{quantity}, #{unitPrice}, #{total}, #{at}, #{validUntil})""")
    void insert(@Param("customerId") long customerId, @Param("categoryId") long categoryId, @Param("quantity") int quantity,
                @Param("unitPrice") BigDecimal unitPrice, @Param("total") BigDecimal total, @Param("at") Instant at,
                @Param("validUntil") Instant validUntil);
}
