package io.waybill.bench.service;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Tracks the peak of heap in use. The heap is fullest just before a collection, so the watcher adds
 * up the heap pools' usage before every collection that the JVM reports, and also samples the heap
 * when asked, in case no collection ran since.
 */
final class HeapWatcher {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakCommitted = new AtomicLong();

    HeapWatcher() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        onCollection(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
    }

    /** Heap figures of this JVM, in bytes, and collections since start. */
    record HeapStats(long peakUsedBytes, long peakCommittedBytes, long usedBytes, long maxBytes, long collections,
                     long collectionMillis) {
    }

    HeapStats stats() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
        peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new HeapStats(peakUsed.get(), peakCommitted.get(), heap.getUsed(), heap.getMax(), collections, millis);
    }

    void resetPeak() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        peakUsed.set(heap.getUsed());
        peakCommitted.set(heap.getCommitted());
    }

    private void onCollection(GarbageCollectionNotificationInfo info) {
        long used = 0;
        long committed = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (isHeap(pool.getKey())) {
                used += pool.getValue().getUsed();
                committed += pool.getValue().getCommitted();
            }
        }
        peakUsed.accumulateAndGet(used, Math::max);
        peakCommitted.accumulateAndGet(committed, Math::max);
    }

    private static boolean isHeap(String poolName) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(pool -> pool.getName().equals(poolName) && pool.getType() == MemoryType.HEAP);
    }
}
