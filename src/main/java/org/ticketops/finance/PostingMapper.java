package org.ticketops.finance;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface PostingMapper {

    /** One line; a second line with the same reference and account is ignored by the caller (unique key). */
    @Insert("""
            INSERT INTO to_finance_postings (business_day, account, amount, reference, corrects_day, description, posted_by,
                posted_at)
            VALUES (#{businessDay}, #{account}, #{amount}, #{reference}, #{correctsDay}, #{description}, #{postedBy},
                #{postedAt})""")
    void insert(Posting posting);

    @Select("""
            SELECT id, business_day, account, amount, reference, corrects_day, description, posted_by, posted_at
            FROM to_finance_postings WHERE reference = #{reference} ORDER BY id""")
    List<Posting> byReference(String reference);

    @Select("""
            SELECT id, business_day, account, amount, reference, corrects_day, description, posted_by, posted_at
            FROM to_finance_postings WHERE business_day = #{day} ORDER BY id""")
    List<Posting> ofDay(@Param("day") java.time.LocalDate day);
}
