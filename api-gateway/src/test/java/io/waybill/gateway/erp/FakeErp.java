package io.waybill.gateway.erp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in ERP on 127.0.0.1 that takes one posting per POST. It responds as its {@link Mode}
 * says and records every request and every posting it accepted. It listens only between
 * {@link #start()} and {@link #stop()}, so a test can show the ERP as down.
 */
final class FakeErp {

    enum Mode {
        ACCEPT,
        UNAVAILABLE,
        REJECT
    }

    /** A request as received: the posting id header, the idempotency key and the status answered. */
    record Received(String postingId, String idempotencyKey, int status, String body) {
    }

    private final int port;
    private final List<Received> requests = new ArrayList<>();
    private final AtomicInteger documents = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile int retryAfterSeconds = 120;
    private HttpServer server;

    FakeErp() {
        this.port = freePort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/postings";
    }

    void mode(Mode value) {
        mode = value;
    }

    void retryAfterSeconds(int seconds) {
        retryAfterSeconds = seconds;
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/postings", this::handle);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized List<Received> requests() {
        return List.copyOf(requests);
    }

    /** Returns the posting ids the ERP accepted, in the order it accepted them, repeats included. */
    synchronized List<String> accepted() {
        return requests.stream().filter(request -> request.status() == 200).map(Received::postingId).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String postingId = exchange.getRequestHeaders().getFirst("X-Waybill-Posting-Id");
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Mode current = mode;
        int status;
        String answer;
        if (current == Mode.UNAVAILABLE) {
            status = 503;
            answer = "{\"error\":\"maintenance\"}";
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
        } else if (current == Mode.REJECT) {
            status = 422;
            answer = "{\"error\":\"unknown cost centre\"}";
        } else {
            status = 200;
            answer = "{\"documentNumber\":\"ERP-" + documents.incrementAndGet() + "\"}";
        }
        synchronized (this) {
            requests.add(new Received(postingId, key, status, body));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
