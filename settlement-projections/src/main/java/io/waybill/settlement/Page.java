package io.waybill.settlement;

import java.util.List;

/**
 * One page of a query result. {@code nextCursor} is an opaque string to pass back for the next page,
 * or {@code null} when this page is the last one known now.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
