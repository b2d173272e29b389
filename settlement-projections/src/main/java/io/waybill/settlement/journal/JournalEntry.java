package io.waybill.settlement.journal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A balanced double-entry booking in one currency. The constructor rejects an entry whose debits
 * differ from its credits, a line with both or neither side set, a negative amount, and an empty entry.
 */
public record JournalEntry(Currency currency, List<JournalLine> lines) {

    public JournalEntry {
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new UnbalancedEntryException("a journal entry needs at least one debit and one credit line");
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JournalLine line : lines) {
            boolean oneSide = line.debit().signum() > 0 ^ line.credit().signum() > 0;
            if (!oneSide || line.debit().signum() < 0 || line.credit().signum() < 0) {
                throw new UnbalancedEntryException("journal line on " + line.account() + " must have one positive side,"
                        + " not debit " + line.debit() + " and credit " + line.credit());
            }
            debits = debits.add(line.debit());
            credits = credits.add(line.credit());
        }
        if (debits.compareTo(credits) != 0) {
            throw new UnbalancedEntryException("journal entry is unbalanced: debits " + debits + ", credits " + credits);
        }
    }

    /** Total of the debit side, which equals the total of the credit side. */
    public BigDecimal amount() {
        return lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Builder in(Currency currency) {
        return new Builder(currency);
    }

    /** Collects lines; zero amounts are left out, and a negative amount is booked on the other side. */
    public static final class Builder {

        private final Currency currency;
        private final List<JournalLine> lines = new ArrayList<>();

        private Builder(Currency currency) {
            this.currency = currency;
        }

        public Builder debit(Account account, BigDecimal amount, String memo) {
            if (amount.signum() > 0) {
                lines.add(new JournalLine(account, amount, BigDecimal.ZERO, memo));
            } else if (amount.signum() < 0) {
                lines.add(new JournalLine(account, BigDecimal.ZERO, amount.negate(), memo));
            }
            return this;
        }

        public Builder credit(Account account, BigDecimal amount, String memo) {
            return debit(account, amount.negate(), memo);
        }

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public JournalEntry build() {
            return new JournalEntry(currency, lines);
        }
    }
}
