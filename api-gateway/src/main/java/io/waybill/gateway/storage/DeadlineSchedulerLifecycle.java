package io.waybill.gateway.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pauses the deadline scheduler before anything else stops when the application shuts down, so no
 * new deadline fires after Axon has unsubscribed its command handlers. A deadline that is already
 * running then fails and db-scheduler runs it again after the restart. The scheduler starts once the
 * application is ready ({@code db-scheduler.delay-startup-until-context-ready}) and is stopped by
 * the db-scheduler starter when its bean is destroyed.
 */
@Component
class DeadlineSchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    DeadlineSchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        scheduler.pause();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The highest phase stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
