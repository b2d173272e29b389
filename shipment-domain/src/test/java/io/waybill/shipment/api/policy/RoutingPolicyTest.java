package io.waybill.shipment.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.PartnerId;
import io.waybill.order.api.Address;
import io.waybill.order.api.ServiceLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    private static final PartnerId COURIER = PartnerId.of("courier-sp");
    private static final PartnerId PARCEL = PartnerId.of("parcel-net");
    private static final PartnerId SANDBOX = PartnerId.of("sandbox");

    private static final RoutingRule URBAN_SAME_DAY = new RoutingRule("urban-same-day",
            Set.of(ServiceLevel.SAME_DAY, ServiceLevel.NEXT_DAY), Set.of("BR"), List.of("01", "02-"), null,
            new BigDecimal("20"), List.of(COURIER, SANDBOX));
    private static final RoutingRule RURAL_PARCEL = new RoutingRule("rural-parcel", Set.of(), Set.of("BR"), List.of(),
            null, null, List.of(PARCEL));
    private static final RoutingPolicy POLICY = new RoutingPolicy(true, List.of(URBAN_SAME_DAY, RURAL_PARCEL),
            List.of(SANDBOX));

    private static Address to(String countryCode, String postalCode) {
        return new Address("Ana", "Rua 1", null, postalCode, "City", null, countryCode);
    }

    @Test
    void firstMatchingRuleThenFallbackWithoutRepeats() {
        RoutingPolicy.Route route = POLICY.routeFor(ServiceLevel.SAME_DAY, to("BR", "01304-000"), new BigDecimal("2"));

        assertThat(route.ruleName()).isEqualTo("urban-same-day");
        assertThat(route.platforms()).containsExactly(COURIER, SANDBOX);
    }

    @Test
    void postalPrefixIgnoresDashesAndSpaces() {
        assertThat(URBAN_SAME_DAY.matches(ServiceLevel.SAME_DAY, to("BR", "02 345-678"), BigDecimal.ONE)).isTrue();
        assertThat(URBAN_SAME_DAY.matches(ServiceLevel.SAME_DAY, to("BR", "03345-678"), BigDecimal.ONE)).isFalse();
    }

    @Test
    void heavyUrbanParcelFallsToNextRule() {
        RoutingPolicy.Route route = POLICY.routeFor(ServiceLevel.SAME_DAY, to("BR", "01304-000"),
                new BigDecimal("20.5"));

        assertThat(route.ruleName()).isEqualTo("rural-parcel");
        assertThat(route.platforms()).containsExactly(PARCEL, SANDBOX);
    }

    @Test
    void maxWeightIsInclusive() {
        assertThat(URBAN_SAME_DAY.matches(ServiceLevel.SAME_DAY, to("BR", "01304-000"), new BigDecimal("20.000")))
                .isTrue();
    }

    @Test
    void unknownWeightMatchesNoWeightBoundRule() {
        assertThat(URBAN_SAME_DAY.matches(ServiceLevel.SAME_DAY, to("BR", "01304-000"), null)).isFalse();
        assertThat(RURAL_PARCEL.matches(ServiceLevel.SAME_DAY, to("BR", "01304-000"), null)).isTrue();
    }

    @Test
    void otherCountryGetsOnlyFallback() {
        RoutingPolicy.Route route = POLICY.routeFor(ServiceLevel.STANDARD, to("DE", "10115"), BigDecimal.ONE);

        assertThat(route.ruleName()).isEqualTo("fallback");
        assertThat(route.platforms()).containsExactly(SANDBOX);
    }

    @Test
    void invertedWeightBoundsAreRejected() {
        assertThatThrownBy(() -> new RoutingRule("bad", Set.of(), Set.of(), List.of(), BigDecimal.TEN, BigDecimal.ONE,
                List.of(SANDBOX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad");
    }
}
