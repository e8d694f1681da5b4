import type { Logger } from 'pino';

export interface WorkerLoop {
  /** Run a round soon (after a commit that queued work), instead of waiting for the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

/**
 * Runs `round` every `pollMs`, or at once when kicked; one round at a time. A round that
 * reports work done is followed immediately by another, so a backlog drains without waiting.
 * Polling is what lets a process pick up work queued by another instance.
 */
export function startWorkerLoop(name: string, log: Logger, pollMs: number, round: () => Promise<number>): WorkerLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      let busy = false;
      try {
        busy = (await round()) > 0;
      } catch (err) {
        log.error({ err, worker: name }, 'worker round failed');
      }
      running = undefined;
      if (again || busy) {
        again = false;
        schedule(0);
      } else schedule(pollMs);
    })();
  };
  schedule(0);
  return {
    kick: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
