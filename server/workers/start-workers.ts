import type { Services } from '../context.js';
import { createInboundProcessor } from '../texting/inbound/process-inbound.js';
import { createDispatcher } from '../texting/outbox/dispatcher.js';
import { startWorkerLoop } from './worker-loop.js';

export interface Workers {
  kick(which: 'dispatch' | 'inbound'): void;
  stop(): Promise<void>;
}

/** Starts the background workers of this process: the outbox dispatcher and the inbound processor. */
export function startWorkers(s: Services): Workers {
  const dispatcher = createDispatcher(s, s.config.dispatch);
  const inbound = createInboundProcessor(s);
  const loops = {
    dispatch: startWorkerLoop('dispatcher', s.log, s.config.dispatch.pollMs, async () => (await dispatcher.runOnce()).claimed),
    inbound: startWorkerLoop('inbound', s.log, s.config.dispatch.pollMs, () => inbound.runOnce()),
  };
  return {
    kick: (which) => loops[which].kick(),
    stop: async () => {
      await Promise.all([loops.dispatch.stop(), loops.inbound.stop()]);
    },
  };
}
