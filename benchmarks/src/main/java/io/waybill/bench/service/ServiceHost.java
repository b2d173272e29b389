package io.waybill.bench.service;

import io.waybill.bench.load.Workload;
import io.waybill.bench.service.HostProtocol.Reply;
import io.waybill.bench.service.HostProtocol.Request;
import io.waybill.gateway.WaybillApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Main class of the service JVM that the harness starts: runs {@link WaybillApplication} unchanged
 * and serves the harness's requests from standard input ({@link HostProtocol}). Requests run on
 * their own threads, so the harness can ask for heap figures while a gateway phase runs. The service
 * stops when the harness sends {@code stop} or closes standard input.
 */
public final class ServiceHost {

    private final ConfigurableApplicationContext context;
    private final HeapWatcher heap = new HeapWatcher();
    private final Map<String, Workload.Prepared> prepared = new ConcurrentHashMap<>();
    private final PrintStream out;
    private final ExecutorService requests = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-host-request");
        thread.setDaemon(true);
        return thread;
    });

    private ServiceHost(ConfigurableApplicationContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        ConfigurableApplicationContext context = SpringApplication.run(WaybillApplication.class, args);
        ServiceHost host = new ServiceHost(context, out);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        host.reply(new Reply(HostProtocol.READY_ID, true, HostProtocol.JSON.valueToTree(Map.of("port", port)), null));
        host.serve();
        context.close();
        System.exit(0);
    }

    private void serve() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            Request request = HostProtocol.JSON.readValue(line, Request.class);
            if ("stop".equals(request.op())) {
                reply(new Reply(request.id(), true, null, null));
                return;
            }
            requests.submit(() -> handle(request));
        }
    }

    private void handle(Request request) {
        try {
            reply(new Reply(request.id(), true, HostProtocol.JSON.valueToTree(perform(request)), null));
        } catch (Exception | AssertionError e) {
            reply(new Reply(request.id(), false, null, e.toString()));
        }
    }

    private Object perform(Request request) {
        return switch (request.op()) {
            case "gateway-setup" -> {
                Workload.Prepared ready = workload().prepare(request.spec());
                prepared.put(request.spec().label(), ready);
                yield new Workload.Prepared(ready.setup(), null, ready.count());
            }
            case "gateway-run" -> {
                Workload.Prepared ready = prepared.remove(request.spec().label());
                if (ready == null) {
                    throw new IllegalArgumentException("no prepared shipments for " + request.spec().label());
                }
                yield workload().run(request.spec(), ready);
            }
            case "stats" -> heap.stats();
            case "reset-heap-peak" -> {
                heap.resetPeak();
                yield heap.stats();
            }
            case "processors" -> processors().statuses();
            default -> throw new IllegalArgumentException("unknown request " + request.op());
        };
    }

    private Workload workload() {
        return new Workload(new GatewayLedger(context.getBean(CommandGateway.class)));
    }

    private ProcessorControl processors() {
        return new ProcessorControl(context.getBean(EventProcessingConfiguration.class));
    }

    private void reply(Reply reply) {
        try {
            String line = HostProtocol.MARKER + HostProtocol.JSON.writeValueAsString(reply);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write reply " + reply.id(), e);
        }
    }
}
