package io.waybill.bench.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.bench.load.WorkloadSpec;
import io.waybill.bench.service.HostProtocol.Reply;
import io.waybill.bench.service.HostProtocol.Request;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The Waybill service under test, in its own JVM: {@link ServiceHost} started from the harness's class
 * path with the embedded PostgreSQL in a data directory of the run. Its log goes to a file; the
 * harness talks to it through {@link HostProtocol}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final long START_LIMIT_SECONDS = 240;
    /** The line in which a service on a fresh embedded database prints its first admin API key. */
    private static final Pattern ADMIN_KEY = Pattern.compile("\\s+wbk_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\s*");
    private static final long REQUEST_LIMIT_SECONDS = 900;

    private final Process process;
    private final int httpPort;
    private final int databasePort;
    private final Path dataDirectory;
    private final Writer requests;
    private final Map<Integer, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(HostProtocol.READY_ID + 1);
    private final CompletableFuture<String> adminKey = new CompletableFuture<>();

    private ServiceProcess(Process process, int httpPort, int databasePort, Path dataDirectory, Path log)
            throws IOException {
        this.process = process;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
        this.dataDirectory = dataDirectory;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        pending.put(HostProtocol.READY_ID, new CompletableFuture<>());
        Thread reader = new Thread(() -> pump(log), "service-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the service and waits until it is ready.
     *
     * @param runDirectory   folder of this run: the database goes to {@code pgdata}, the log to {@code service.log}
     * @param jvmArguments   extra arguments for the service's JVM, for example a flight recording
     * @param springArguments extra {@code --name=value} settings for the application
     */
    public static ServiceProcess start(Path runDirectory, List<String> jvmArguments, List<String> springArguments)
            throws IOException {
        int httpPort = freePort();
        int databasePort = freePort();
        Path dataDirectory = runDirectory.resolve("pgdata");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(ServiceHost.class.getName());
        command.addAll(springArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WAYBILL_PORT", Integer.toString(httpPort));
        builder.environment().put("WAYBILL_DATA_DIR", dataDirectory.toString());
        builder.environment().put("WAYBILL_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        builder.environment().remove("WAYBILL_DB_URL");
        ServiceProcess service = new ServiceProcess(builder.start(), httpPort, databasePort, dataDirectory,
                runDirectory.resolve("service.log"));
        service.awaitReady();
        return service;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** JDBC URL of the service's embedded PostgreSQL; zonky's default superuser needs no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres?user=postgres";
    }

    /**
     * Returns the admin API key the service printed when it created its first key on the fresh database.
     *
     * @throws IllegalStateException when the service printed none
     */
    public String adminKey() {
        String key = adminKey.getNow(null);
        if (key == null) {
            throw new IllegalStateException("the service printed no admin API key at start; see service.log");
        }
        return key;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a request to the service and waits for its reply. */
    public JsonNode request(String op, WorkloadSpec spec) {
        return await(send(op, spec));
    }

    /** Sends a request to the service without waiting. */
    public CompletableFuture<JsonNode> send(String op, WorkloadSpec spec) {
        int id = nextId.getAndIncrement();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            String line = HostProtocol.JSON.writeValueAsString(new Request(id, op, spec));
            synchronized (requests) {
                requests.write(line);
                requests.write('\n');
                requests.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            throw new UncheckedIOException("cannot send " + op + " to the service", e);
        }
        return reply.thenApply(answer -> {
            if (!answer.ok()) {
                throw new IllegalStateException(op + " failed in the service: " + answer.error());
            }
            return answer.result();
        });
    }

    /** Reads part of a reply as {@code type}. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return HostProtocol.JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the service's reply as " + type.getSimpleName(), e);
        }
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(REQUEST_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the service", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the service did not reply within " + REQUEST_LIMIT_SECONDS + " s", e);
        }
    }

    /**
     * Stops the service gracefully (the application closes the embedded PostgreSQL), or forcibly after a
     * minute.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            send("stop", null);
        } catch (UncheckedIOException e) {
            // The service closed its input already; it is stopping.
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady() {
        try {
            pending.get(HostProtocol.READY_ID).get(START_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while the service started", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("the service did not start within " + START_LIMIT_SECONDS
                    + " s; see service.log in the run folder", e);
        }
    }

    private void pump(Path log) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(HostProtocol.MARKER)) {
                    complete(line.substring(HostProtocol.MARKER.length()));
                } else if (ADMIN_KEY.matcher(line).matches()) {
                    adminKey.complete(line.trim());
                    logFile.println("   (the first admin API key, taken by the harness)");
                } else {
                    logFile.println(line);
                }
            }
        } catch (IOException e) {
            pending.values().forEach(reply -> reply.completeExceptionally(e));
        }
        IllegalStateException gone = new IllegalStateException("the service stopped; see service.log in the run folder");
        pending.values().forEach(reply -> reply.completeExceptionally(gone));
    }

    private void complete(String json) {
        try {
            Reply reply = HostProtocol.JSON.readValue(json, Reply.class);
            CompletableFuture<Reply> waiting = pending.remove(reply.id());
            if (waiting != null) {
                waiting.complete(reply);
            }
        } catch (JsonProcessingException e) {
            pending.values().forEach(reply -> reply.completeExceptionally(e));
        }
    }

    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Paths.get(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
