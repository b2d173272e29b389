package io.waybill.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts Waybill: HTTP APIs, the PostgreSQL event store and every event processor in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WaybillApplication {

    public static void main(String[] args) {
        SpringApplication.run(WaybillApplication.class, args);
    }

    /** The wall clock, in UTC; tests replace it to control time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
