package io.waybill.shipment.api.policy;

import io.waybill.kernel.PartnerId;
import io.waybill.order.api.Address;
import io.waybill.order.api.ServiceLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One routing rule: which orders it covers and the delivery platforms to try for them, in order.
 * An empty set or list, or a null weight bound, places no restriction.
 *
 * @param name               shown in logs and hold reasons, for example {@code urban-same-day}
 * @param serviceLevels      service levels the rule covers
 * @param countryCodes       ISO 3166-1 alpha-2 codes of destinations the rule covers
 * @param postalCodePrefixes destination postal-code prefixes, compared without spaces or dashes, so
 *                           {@code 01} covers {@code 01304-000}; this is how a rule separates an urban
 *                           same-day zone from rural parcel areas
 * @param minWeightKg        smallest parcel weight covered, inclusive
 * @param maxWeightKg        largest parcel weight covered, inclusive; an order without a weight
 *                           matches no rule that has a weight bound
 * @param platforms          platforms to try, first choice first
 */
public record RoutingRule(String name, Set<ServiceLevel> serviceLevels, Set<String> countryCodes,
                          List<String> postalCodePrefixes, BigDecimal minWeightKg, BigDecimal maxWeightKg,
                          List<PartnerId> platforms) {

    public RoutingRule {
        Objects.requireNonNull(name, "name");
        serviceLevels = serviceLevels == null ? Set.of() : Set.copyOf(serviceLevels);
        countryCodes = countryCodes == null ? Set.of() : Set.copyOf(countryCodes);
        postalCodePrefixes = postalCodePrefixes == null ? List.of()
                : postalCodePrefixes.stream().map(RoutingRule::normalise).toList();
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        if (minWeightKg != null && maxWeightKg != null && minWeightKg.compareTo(maxWeightKg) > 0) {
            throw new IllegalArgumentException("routing rule " + name + ": min-weight-kg " + minWeightKg
                    + " is above max-weight-kg " + maxWeightKg);
        }
    }

    public boolean matches(ServiceLevel serviceLevel, Address shipTo, BigDecimal parcelWeightKg) {
        if (!serviceLevels.isEmpty() && !serviceLevels.contains(serviceLevel)) {
            return false;
        }
        if (!countryCodes.isEmpty() && (shipTo == null || !countryCodes.contains(shipTo.countryCode()))) {
            return false;
        }
        if (!postalCodePrefixes.isEmpty() && !coversPostalCode(shipTo)) {
            return false;
        }
        return coversWeight(parcelWeightKg);
    }

    private boolean coversPostalCode(Address shipTo) {
        if (shipTo == null || shipTo.postalCode() == null) {
            return false;
        }
        String postalCode = normalise(shipTo.postalCode());
        return postalCodePrefixes.stream().anyMatch(postalCode::startsWith);
    }

    private boolean coversWeight(BigDecimal weightKg) {
        if (minWeightKg == null && maxWeightKg == null) {
            return true;
        }
        if (weightKg == null) {
            return false;
        }
        boolean aboveMin = minWeightKg == null || weightKg.compareTo(minWeightKg) >= 0;
        boolean belowMax = maxWeightKg == null || weightKg.compareTo(maxWeightKg) <= 0;
        return aboveMin && belowMax;
    }

    private static String normalise(String postalCode) {
        return postalCode.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
