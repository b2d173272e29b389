package io.waybill.gateway.platform;

import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.platform.DeliveryPlatform;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The delivery platforms this installation can reach, by platform id. */
public class DeliveryPlatforms {

    private final Map<PartnerId, DeliveryPlatform> platforms = new LinkedHashMap<>();

    DeliveryPlatforms(Collection<DeliveryPlatform> platforms) {
        for (DeliveryPlatform platform : platforms) {
            if (this.platforms.putIfAbsent(platform.id(), platform) != null) {
                throw new IllegalStateException("delivery platform " + platform.id() + " is configured twice");
            }
        }
    }

    public Optional<DeliveryPlatform> find(PartnerId id) {
        return Optional.ofNullable(id == null ? null : platforms.get(id));
    }

    public boolean contains(PartnerId id) {
        return platforms.containsKey(id);
    }

    @Override
    public String toString() {
        return "DeliveryPlatforms" + platforms.keySet();
    }
}
