package io.waybill.bench.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Reads the positions of the service's streaming event processors from Axon's token table, the
 * same rows a processor commits together with its projection rows. An event is in a projection
 * once every segment's token is at or past it and does not list it as a gap.
 */
public final class ProcessorTokens {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    /** One segment's position: the highest global index it has passed, and the indexes it skipped so far. */
    public record Position(long index, Set<Long> gaps) {

        boolean covers(long globalIndex) {
            return globalIndex <= index && !gaps.contains(globalIndex);
        }
    }

    /**
     * Returns the segment positions of the named processors; a segment without a token yet has
     * position -1.
     */
    public Map<String, List<Position>> read(Connection connection, Set<String> names) throws SQLException {
        Map<String, List<Position>> processors = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processorname, token, tokentype FROM tokenentry")) {
            while (rows.next()) {
                if (names.contains(rows.getString(1))) {
                    processors.computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                            .add(position(rows.getBytes(2), rows.getString(3)));
                }
            }
        }
        return processors;
    }

    /** Returns true when every segment of every processor covers {@code globalIndex}. */
    public static boolean allCover(Map<String, List<Position>> processors, long globalIndex) {
        return processors.values().stream().flatMap(List::stream).allMatch(p -> p.covers(globalIndex));
    }

    private Position position(byte[] token, String type) {
        if (token == null || type == null) {
            return new Position(-1, Set.of());
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        TrackingToken lower = tracking instanceof WrappedToken wrapped ? wrapped.lowerBound() : tracking;
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return new Position(gapAware.getIndex(), Set.copyOf(gapAware.getGaps()));
        }
        return new Position(lower == null ? -1 : lower.position().orElse(-1), Set.of());
    }
}
