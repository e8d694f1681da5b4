import { sweepUnsentUploads } from '../attachments/commands/discard-upload.js';
import { sweepUnreferencedFiles } from '../attachments/commands/forget-files.js';
import { createMediaFetcher } from '../attachments/inbound/fetch-inbound-media.js';
import type { Services, WorkerName } from '../context.js';
import { createInboundProcessor } from '../texting/inbound/process-inbound.js';
import { createDispatcher } from '../texting/outbox/dispatcher.js';
import { startWorkerLoop } from './worker-loop.js';

export interface Workers {
  kick(which: WorkerName): void;
  stop(): Promise<void>;
}

/**
 * Starts the background workers of this process: the outbox dispatcher, the inbound processor,
 * the inbound media fetcher, and the hourly removal of uploads never sent and of files nothing
 * refers to.
 */
export function startWorkers(s: Services): Workers {
  const dispatcher = createDispatcher(s, s.config.dispatch);
  const inbound = createInboundProcessor(s);
  const media = createMediaFetcher(s);
  const loops = {
    dispatch: startWorkerLoop('dispatcher', s.log, s.config.dispatch.pollMs, async () => (await dispatcher.runOnce()).claimed),
    inbound: startWorkerLoop('inbound', s.log, s.config.dispatch.pollMs, () => inbound.runOnce()),
    media: startWorkerLoop('media', s.log, s.config.dispatch.pollMs, () => media.runOnce()),
    sweep: startWorkerLoop('upload-sweep', s.log, 3_600_000, async () => {
      await sweepUnsentUploads(s);
      await sweepUnreferencedFiles(s);
      return 0;
    }),
  };
  return {
    kick: (which) => loops[which].kick(),
    stop: async () => {
      await Promise.all(Object.values(loops).map((loop) => loop.stop()));
    },
  };
}
