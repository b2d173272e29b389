package io.waybill.settlement.posting;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A posting with its delivery state. {@code document} is the JSON body the ERP receives; {@code
 * cursor} is the feed position of this posting, to pass as {@code after} to read on from it.
 */
public record PostingView(UUID postingId, String type, UUID orderId, String erpOrderNumber, UUID shipmentId,
                          BigDecimal amount, String currency, Instant occurredAt, Instant recordedAt,
                          DeliveryState state, int attempts, Instant nextAttemptAt, Integer lastHttpStatus,
                          String lastError, Instant deliveredAt, String channel, String erpDocumentNumber,
                          String cursor, @JsonRawValue String document) {
}
