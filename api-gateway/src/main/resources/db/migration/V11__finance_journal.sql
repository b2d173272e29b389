-- Double-entry journal of every financial event. An entry's id is derived from the event id, so
-- redelivery and replay write the same entry once. Amounts are never negative: a line is either a
-- debit or a credit.

CREATE TABLE journal_entry (
    entry_id    UUID          NOT NULL PRIMARY KEY,
    event_id    VARCHAR(255)  NOT NULL UNIQUE,
    tenant_id   VARCHAR(64)   NOT NULL,
    order_id    UUID          NOT NULL,
    shipment_id UUID,
    kind        VARCHAR(40)   NOT NULL,
    reference   VARCHAR(200),
    currency    CHAR(3)       NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    occurred_at TIMESTAMPTZ   NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX journal_entry_order ON journal_entry (tenant_id, order_id, recorded_at);

CREATE TABLE journal_line (
    entry_id     UUID           NOT NULL REFERENCES journal_entry (entry_id) ON DELETE CASCADE,
    line_number  INTEGER        NOT NULL,
    account      VARCHAR(16)    NOT NULL,
    account_name VARCHAR(80)    NOT NULL,
    debit        NUMERIC(19, 4) NOT NULL DEFAULT 0,
    credit       NUMERIC(19, 4) NOT NULL DEFAULT 0,
    memo         VARCHAR(200),
    PRIMARY KEY (entry_id, line_number),
    CONSTRAINT journal_line_one_side CHECK (debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0))
);

-- The application builds only balanced entries; this check rejects, at commit, any transaction
-- that leaves an entry whose debits differ from its credits or that has no lines.
CREATE FUNCTION journal_entry_balanced() RETURNS trigger AS $$
DECLARE
    checked_entry UUID;
    debits        NUMERIC;
    credits       NUMERIC;
BEGIN
    IF TG_TABLE_NAME = 'journal_entry' THEN
        checked_entry := NEW.entry_id;
    ELSIF TG_OP = 'DELETE' THEN
        checked_entry := OLD.entry_id;
    ELSE
        checked_entry := NEW.entry_id;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM journal_entry WHERE entry_id = checked_entry) THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0) INTO debits, credits
    FROM journal_line WHERE entry_id = checked_entry;
    IF debits <> credits OR debits = 0 THEN
        RAISE EXCEPTION 'journal entry % is unbalanced: debits %, credits %', checked_entry, debits, credits
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER journal_entry_balanced_entry AFTER INSERT ON journal_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();
CREATE CONSTRAINT TRIGGER journal_entry_balanced_line AFTER INSERT OR UPDATE OR DELETE ON journal_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();
