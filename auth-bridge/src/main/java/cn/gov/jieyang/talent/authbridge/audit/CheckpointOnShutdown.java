package cn.gov.jieyang.talent.authbridge.audit;

import org.springframework.context.SmartLifecycle;

/**
 * A checkpoint on graceful shutdown ({@code bridge.audit.checkpoint.on-shutdown}, default true), so the
 * events since the last hourly one are sealed too. Phase 0 stops after the web server (whose graceful
 * shutdown lets requests in flight, and their events, finish) and before the beans are destroyed, so
 * the database is still there. A failure is logged and never holds the shutdown up.
 */
class CheckpointOnShutdown implements SmartLifecycle {

    private final AuditCheckpoints checkpoints;
    private final boolean enabled;
    private volatile boolean running;

    CheckpointOnShutdown(AuditCheckpoints checkpoints, boolean enabled) {
        this.checkpoints = checkpoints;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (running && enabled) {
            checkpoints.checkpointQuietly("shutdown");
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
