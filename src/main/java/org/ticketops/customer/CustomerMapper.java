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

    List<Customer> findPage(@Param("query") String query, @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("query") String query);

    final class CustomerRow {
        public Long id;
        public String name;
        public String phone;
        public String email;
        public MemberTier memberTier;
        public LocalDate birthday;
        public CustomerType customerType;
        public Instant createdAt;
    }
}
