package org.ticketops.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CustomerMapper {

    void insert(CustomerRow row);

    Optional<Customer> find(long id);

    /** Inserts many at once (an import; one statement per chunk). */
    void insertAll(@Param("rows") List<CustomerRow> rows);

    List<String> findActivePhones(@Param("values") List<String> values);

    List<String> findActiveEmails(@Param("values") List<String> values);

    /** 0 when the record changed since {@code readAt}. */
    int update(@Param("c") Customer changed, @Param("readAt") Instant readAt);

    /** Active customers (other than {@code exceptId}) that already have this phone or e-mail. */
    List<Customer> findActiveByPhoneOrEmail(@Param("phone") String phone, @Param("email") String email,
                                            @Param("exceptId") Long exceptId);

    /** Matches a part of the name, phone or e-mail; {@code digits} (the query's digits) matches a phone typed with spaces. */
    List<Customer> findPage(@Param("query") String query, @Param("digits") String digits, @Param("offset") long offset,
                            @Param("limit") int limit);

    long count(@Param("query") String query, @Param("digits") String digits);

    final class CustomerRow {
        public Long id;
        public String name;
        public String phone;
        public String email;
        public MemberTier memberTier;
        public LocalDate birthday;
        public CustomerType customerType;
        public boolean consentToContact;
        public Instant createdAt;
    }
}
