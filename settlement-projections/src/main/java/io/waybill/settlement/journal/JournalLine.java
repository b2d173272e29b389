package io.waybill.settlement.journal;

import java.math.BigDecimal;

/** One side of a journal entry: exactly one of {@code debit} and {@code credit} is positive, the other zero. */
public record JournalLine(Account account, BigDecimal debit, BigDecimal credit, String memo) {
}
