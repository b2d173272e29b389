package io.waybill.bench.scenario;

import io.waybill.bench.RunContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Checks shared by the projection scenarios. */
final class Projections {

    private Projections() {
    }

    /**
     * Returns why projection figures cannot be taken: the service has no streaming event processor,
     * which shows as no row in Axon's token table.
     */
    static Optional<String> missing(RunContext run) throws SQLException {
        try (Connection connection = run.postgres().connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM tokenentry")) {
            row.next();
            return row.getLong(1) > 0 ? Optional.empty()
                    : Optional.of("the service runs no streaming event processor (no projection has a token)");
        }
    }
}
