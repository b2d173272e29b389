package io.waybill.gateway.security;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.shipment.api.ShipmentId;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;

/**
 * Lets a partner's command through only when it targets a shipment of the partner's tenant that was
 * tendered to that partner. Anything else fails as not found, exactly like an unknown id. It checks
 * every command that carries {@link RequestMetadata#PARTNER_ID}, whichever controller sent it. It
 * runs in the command's unit of work, so it reads the directory as of that transaction.
 */
@Component
class PartnerScopeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandDirectory directory;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    PartnerScopeInterceptor(CommandDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object partner = command.getMetaData().get(RequestMetadata.PARTNER_ID);
        if (partner != null) {
            requireTendered(command, new PartnerId(partner.toString()));
        }
        return interceptorChain.proceed();
    }

    private void requireTendered(CommandMessage<?> command, PartnerId partnerId) {
        String target;
        try {
            target = targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("shipmentId", null);
        }
        Object tenant = command.getMetaData().get(RequestMetadata.TENANT_ID);
        ShipmentId shipmentId;
        try {
            shipmentId = new ShipmentId(UUID.fromString(target));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("shipmentId", target);
        }
        if (tenant == null || directory.shipmentOfPartner(new TenantId(tenant.toString()), partnerId, shipmentId)
                .isEmpty()) {
            throw new NotFoundException("shipmentId", target);
        }
    }
}
