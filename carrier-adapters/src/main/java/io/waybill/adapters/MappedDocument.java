package io.waybill.adapters;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a mapper got out of one partner document. Milestones are in the document's
 * chronological order, which is the order in which they should be recorded. The list is never
 * sorted by local clock readings.
 *
 * @param format   the format name, for example {@code easypost-webhook} or {@code x12-214}
 * @param warnings envelope problems that did not stop the mapping, such as a wrong control count
 */
public record MappedDocument(String format, List<PartnerMilestone> milestones, List<PartnerInvoice> invoices,
                             List<PartnerQuote> quotes, List<EntryProblem> problems, List<String> warnings) {

    public MappedDocument {
        milestones = List.copyOf(milestones);
        invoices = List.copyOf(invoices);
        quotes = List.copyOf(quotes);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Collects the parts of a {@link MappedDocument} while a mapper walks the document. */
    public static final class Builder {

        private final String format;
        private final List<PartnerMilestone> milestones = new ArrayList<>();
        private final List<PartnerInvoice> invoices = new ArrayList<>();
        private final List<PartnerQuote> quotes = new ArrayList<>();
        private final List<EntryProblem> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        public Builder(String format) {
            this.format = format;
        }

        public Builder milestone(PartnerMilestone milestone) {
            milestones.add(milestone);
            return this;
        }

        public Builder milestones(List<PartnerMilestone> more) {
            milestones.addAll(more);
            return this;
        }

        public Builder invoice(PartnerInvoice invoice) {
            invoices.add(invoice);
            return this;
        }

        public Builder quote(PartnerQuote quote) {
            quotes.add(quote);
            return this;
        }

        public Builder problem(EntryProblem problem) {
            problems.add(problem);
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(warning);
            return this;
        }

        public MappedDocument build() {
            return new MappedDocument(format, milestones, invoices, quotes, problems, warnings);
        }
    }
}
