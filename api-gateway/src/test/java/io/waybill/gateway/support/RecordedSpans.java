package io.waybill.gateway.support;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps every finished span in memory so tests can check what the service traced. Spring Boot adds
 * each {@link SpanProcessor} bean to its tracer provider next to the exporting one.
 */
public final class RecordedSpans implements SpanProcessor {

    private final ConcurrentLinkedQueue<SpanData> finished = new ConcurrentLinkedQueue<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        finished.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Returns the finished spans of one trace. */
    public List<SpanData> ofTrace(String traceId) {
        return finished.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
