-- Deadlines of the failed-delivery saga, stored by Axon's DbSchedulerDeadlineManager through
-- db-scheduler 16.x. Columns and indexes follow db-scheduler's PostgreSQL schema for that version.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- Every request sent to a delivery platform and its outcome, keyed by the request id that the
-- platform also receives as its idempotency key. A request with an outcome is never sent again.
CREATE TABLE platform_request (
    request_id         VARCHAR(255)  NOT NULL PRIMARY KEY,
    tenant_id          VARCHAR(64)   NOT NULL,
    shipment_id        UUID          NOT NULL,
    platform_id        VARCHAR(64),
    operation          VARCHAR(32)   NOT NULL,
    sent_at            TIMESTAMPTZ   NOT NULL,
    answered_at        TIMESTAMPTZ,
    outcome            VARCHAR(32),
    platform_reference VARCHAR(255),
    tracking_number    VARCHAR(255),
    carrier            VARCHAR(255),
    code               VARCHAR(255),
    reason             VARCHAR(1000)
);
CREATE INDEX platform_request_shipment ON platform_request (shipment_id);

-- The sagas and the platform dispatcher start right after the last event stored before this
-- migration, so an existing ledger does not route or return its historical orders again, and a
-- new one misses no event released while the processors start. An empty store gets a null token,
-- which means "from the first event". The token is Axon's GapAwareTrackingToken as its Jackson
-- serializer writes it; the dispatcher runs as a pooled processor with four segments.
INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner)
SELECT processor.name, processor.segment,
       CASE WHEN last_event.globalindex IS NULL THEN NULL
            ELSE convert_to('{"index":' || last_event.globalindex || ',"gaps":[]}', 'UTF8') END,
       CASE WHEN last_event.globalindex IS NULL THEN NULL
            ELSE 'org.axonframework.eventhandling.GapAwareTrackingToken' END,
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       NULL
FROM (VALUES ('shipment-routing-saga', 0), ('failed-delivery-saga', 0),
             ('platform-requests', 0), ('platform-requests', 1),
             ('platform-requests', 2), ('platform-requests', 3)) AS processor (name, segment)
CROSS JOIN (SELECT max(globalindex) AS globalindex FROM domainevententry) AS last_event;
