import { benchInbound } from './inbound-webhooks.js';
import { benchOutbound } from './outbound-dispatch.js';

/**
 * `npm run bench`: figures for the notes, never assertions. Loopback only; bounded in time.
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (50), BENCH_DELIVERIES (8000, after 2000 warm-up).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const deliveries = Number(process.env.BENCH_DELIVERIES ?? 8000);
const ms = (v: number) => `${v.toFixed(1)} ms`;

console.log(`Inbound webhooks: ${connections} connections, ${seconds} s each, SQLite`);
const inbound = await benchInbound(seconds, connections);
console.log(`  Switchboard: ${inbound.app.requestsPerSec.toFixed(0)} req/s, p50 ${ms(inbound.app.p50)}, p99 ${ms(inbound.app.p99)}, non-2xx ${inbound.app.non2xx}, errors ${inbound.app.errors}, stored ${inbound.stored} of ${inbound.app.total}`);
console.log(`  Baseline (verify + one insert): ${inbound.baseline.requestsPerSec.toFixed(0)} req/s, p50 ${ms(inbound.baseline.p50)}, p99 ${ms(inbound.baseline.p99)}`);
console.log(`  Ratio: ${(inbound.ratio * 100).toFixed(0)}% of the baseline`);

console.log(`Outbound dispatch: ${deliveries} deliveries (after 2,000 warm-up) to the emulator (own process), rate limit off, batch 500, 64 in flight`);
const outbound = await benchOutbound(deliveries, 64);
console.log(`  ${outbound.accepted} accepted in ${outbound.seconds.toFixed(2)} s: ${outbound.perSecond.toFixed(0)} deliveries/s`);
process.exit(0);
