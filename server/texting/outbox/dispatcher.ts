import { randomUUID } from 'node:crypto';
import { MAX_SEND_ATTEMPTS, backoffMs } from '../../../core/backoff.js';
import { groupBy } from '../../../core/collections.js';
import { fromTwilioStatus } from '../../../core/delivery-status.js';
import { recordConsent } from '../../contacts/commands/record-consent.js';
import type { Services } from '../../context.js';
import { ProviderError } from '../../providers/messaging-provider.js';
import type { MessagingProvider } from '../../providers/messaging-provider.js';
import { publishDeliveryUpdates } from '../delivery-events.js';
import type { DeliveryRow } from '../deliveries.table.js';
import { providerFor } from '../provider-cache.js';
import { resolveTexting } from '../settings/texting-settings.js';
import type { EffectiveTexting } from '../settings/texting-settings.js';
import { claimDueDeliveries, releaseAbandonedClaims } from './claim-deliveries.js';
import type { ClaimedDelivery } from './claim-deliveries.js';
import { reconcileUnknownOutcomes } from './reconcile.js';
import { recordAccepted, recordFailed, recordOutcomeUnknown, recordRetry } from './record-outcome.js';
import { reserveSendSlot } from './send-slots.js';

export interface DispatcherOptions {
  owner?: string;
  leaseMs?: number;
  batch: number;
  concurrency: number;
  /** Messages per second per sender; 0 turns pacing off. */
  ratePerSecond: number;
  /** Resolves the provider; tests may substitute one that misbehaves in a controlled way. */
  provider?: (t: EffectiveTexting) => MessagingProvider;
  random?: () => number;
  /** Waits until a send slot; real time by default. */
  sleep?: (ms: number) => Promise<void>;
}

export interface DispatchSummary {
  claimed: number;
  accepted: number;
  retried: number;
  failed: number;
  unknown: number;
}

/**
 * Sends the outbox. Each round: releases claims abandoned by a stopped dispatcher (as outcome
 * unknown), settles outcome-unknown deliveries with Twilio, claims due deliveries with a lease and
 * sends them, paced per sender. Safe to run in many processes on one database.
 */
export function createDispatcher(s: Services, options: DispatcherOptions) {
  const owner = options.owner ?? `dispatcher-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const resolveProvider = options.provider ?? providerFor;

  async function sendOne(
    d: ClaimedDelivery,
    t: EffectiveTexting,
    provider: MessagingProvider,
    audiences: Map<number, Promise<number[]>>,
  ): Promise<keyof Omit<DispatchSummary, 'claimed'>> {
    const sender = t.messagingServiceSid ?? t.fromNumber ?? 'unknown';
    if (options.ratePerSecond > 0) {
      const slot = await reserveSendSlot(s.db, sender, options.ratePerSecond, s.clock.now().getTime());
      const wait = slot - s.clock.now().getTime();
      if (wait > 0) await sleep(wait);
    }
    let updated: DeliveryRow | undefined;
    let result: keyof Omit<DispatchSummary, 'claimed'>;
    try {
      const sent = await provider.send({
        to: d.to_number,
        messagingServiceSid: t.messagingServiceSid,
        from: t.messagingServiceSid ? null : t.fromNumber,
        body: d.body,
        ...(d.mediaPath ? { mediaUrls: [`${t.publicBaseUrl}${d.mediaPath}`] } : {}),
        statusCallback: `${t.publicBaseUrl}/webhooks/twilio/status?d=${d.id}`,
      });
      updated = await recordAccepted(s.db, d.id, sent.sid, fromTwilioStatus(sent.status) ?? 'queued', sender, s.clock.now());
      result = 'accepted';
    } catch (err) {
      const now = s.clock.now();
      if (!(err instanceof ProviderError)) {
        s.log.error({ err, deliveryId: d.id }, 'unexpected error while sending');
        updated = await recordOutcomeUnknown(s.db, d.id, now);
        if (updated) await publishDeliveryUpdates(s, [updated], audiences);
        return 'unknown';
      }
      if (err.outcome === 'unknown') {
        updated = await recordOutcomeUnknown(s.db, d.id, now);
        result = 'unknown';
      } else if (err.info.transient && d.attempts < MAX_SEND_ATTEMPTS) {
        updated = await recordRetry(s.db, d.id, err.info, err.providerCode, new Date(now.getTime() + backoffMs(d.attempts, random)), now);
        result = 'retried';
      } else {
        updated = await recordFailed(s.db, d.id, err.info, err.providerCode, now);
        result = 'failed';
        // Twilio refuses numbers that texted STOP: record it, so the next send is refused here.
        if (err.providerCode === 21610) {
          await s.db.transaction().execute((trx) =>
            recordConsent(trx, d.to_number, { type: 'provider-opt-out' }, { method: 'provider', text: err.info.explanation, at: now.toISOString() }),
          );
        }
      }
      s.log.warn({ deliveryId: d.id, code: err.providerCode, status: err.httpStatus, result }, 'send failed');
    }
    if (updated) await publishDeliveryUpdates(s, [updated], audiences);
    return result;
  }

  /** One round; returns what happened (tests call this directly instead of waiting on timers). */
  async function runOnce(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { claimed: 0, accepted: 0, retried: 0, failed: 0, unknown: 0 };
    await releaseAbandonedClaims(s.db, s.clock.now());
    const t = await resolveTexting(s);
    if (!t) return summary;
    const provider = resolveProvider(t);
    await reconcileUnknownOutcomes(s, provider);
    const claimed = await claimDueDeliveries(s.db, owner, s.clock.now(), leaseMs, options.batch);
    summary.claimed = claimed.length;
    // One phone's texts go one after another, in the order written (an opt-in confirmation before
    // the messages it releases); different phones are sent in parallel.
    const queues = [...groupBy(claimed, (d) => d.to_number).values()];
    let next = 0;
    // Audiences are looked up once per conversation per round, not once per delivery.
    const audiences = new Map<number, Promise<number[]>>();
    const lane = async () => {
      while (next < queues.length) {
        for (const d of queues[next++]!) summary[await sendOne(d, t, provider, audiences)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, queues.length) }, lane));
    return summary;
  }

  return { owner, runOnce };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
