package org.ticketops.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, numbered from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        int pages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
        return new Page<>(items, page, size, totalItems, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
