package io.waybill.settlement.journal;

/**
 * The ledger's chart of accounts. Numbers follow the common layout: 1xxx assets, 2xxx liabilities,
 * 4xxx revenue, 5xxx cost of sales. The ERP maps them to its own chart.
 */
public enum Account {
    PAYMENTS_CLEARING("1010", "Payments clearing"),
    ACCOUNTS_RECEIVABLE("1100", "Accounts receivable - customers"),
    CARRIER_PAYABLE("2100", "Accounts payable - carriers"),
    CUSTOMER_CREDITS_PAYABLE("2200", "Credits owed to customers"),
    SALES_REVENUE("4000", "Sales revenue"),
    SALES_RETURNS("4010", "Sales returns and credits"),
    BASE_FREIGHT("5000", "Freight - base"),
    FUEL_SURCHARGE("5010", "Freight - fuel surcharges"),
    ACCESSORIAL_SURCHARGE("5020", "Freight - accessorial surcharges"),
    FAILED_ATTEMPT_FEE("5030", "Freight - failed-attempt fees"),
    RETURN_FEE("5040", "Freight - return fees"),
    DUTIES_AND_TAXES("5050", "Freight - duties and taxes"),
    FREIGHT_DISCOUNT("5090", "Freight - discounts");

    private final String number;
    private final String title;

    Account(String number, String title) {
        this.number = number;
        this.title = title;
    }

    public String number() {
        return number;
    }

    public String title() {
        return title;
    }
}
