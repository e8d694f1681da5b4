import { benchInbound } from './inbound-webhooks.js';
import { benchMillion } from './million-messages.js';
import { benchOutbound } from './outbound-dispatch.js';

/**
 * `npm run bench`: figures for the notes, never assertions. Loopback only; bounded in time.
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (50), BENCH_DELIVERIES (8000, after 2000 warm-up),
 * BENCH_MESSAGES (1,000,000; 0 skips that part), BENCH_ONLY (inbound | outbound | million),
 * BENCH_PG_URL (also runs the million-message part on that PostgreSQL, in a schema of its own).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const deliveries = Number(process.env.BENCH_DELIVERIES ?? 8000);
const messages = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const only = process.env.BENCH_ONLY;
const ms = (v: number) => `${v.toFixed(1)} ms`;

if (!only || only === 'inbound') {
  console.log(`Inbound webhooks: ${connections} connections, ${seconds} s each, SQLite`);
  const inbound = await benchInbound(seconds, connections);
  console.log(
    `  Switchboard: ${inbound.app.requestsPerSec.toFixed(0)} req/s, p50 ${ms(inbound.app.p50)}, p99 ${ms(inbound.app.p99)}, non-2xx ${inbound.app.non2xx}, errors ${inbound.app.errors}, stored ${inbound.stored} of ${inbound.app.total}`,
  );
  console.log(
    `  Baseline (verify + one insert): ${inbound.baseline.requestsPerSec.toFixed(0)} req/s, p50 ${ms(inbound.baseline.p50)}, p99 ${ms(inbound.baseline.p99)}`,
  );
  console.log(`  Ratio: ${(inbound.ratio * 100).toFixed(0)}% of the baseline`);
}

if (!only || only === 'outbound') {
  console.log(
    `Outbound dispatch: ${deliveries} deliveries (after 2,000 warm-up) to the emulator (own process), rate limit off, batch 500, 64 in flight`,
  );
  const outbound = await benchOutbound(deliveries, 64);
  console.log(
    `  ${outbound.accepted} accepted in ${outbound.seconds.toFixed(2)} s: ${outbound.perSecond.toFixed(0)} deliveries/s`,
  );
}

if (messages > 0 && (!only || only === 'million')) {
  const readSeconds = Math.max(3, Math.round(seconds / 2));
  console.log(
    `Reading and writing among ${messages.toLocaleString('en-US')} messages, SQLite, ${readSeconds} s each, 10 connections`,
  );
  const million = await benchMillion(messages, readSeconds, 10);
  console.log(`  seeded in ${million.seedSeconds.toFixed(0)} s`);
  for (const f of million.figures) {
    console.log(
      `  ${f.name}: ${f.requestsPerSec.toFixed(0)} req/s, p50 ${ms(f.p50)}, p99 ${ms(f.p99)}${f.non2xx ? `, non-2xx ${f.non2xx}` : ''}`,
    );
  }
  if (process.env.BENCH_PG_URL) {
    console.log(`The same on PostgreSQL (${process.env.BENCH_PG_URL.replace(/\/\/[^@]*@/, '//')})`);
    const pg = await benchMillion(messages, readSeconds, 10, { dialect: 'postgres', connectionString: process.env.BENCH_PG_URL });
    console.log(`  seeded in ${pg.seedSeconds.toFixed(0)} s`);
    for (const f of pg.figures) {
      console.log(`  ${f.name}: ${f.requestsPerSec.toFixed(0)} req/s, p50 ${ms(f.p50)}, p99 ${ms(f.p99)}${f.non2xx ? `, non-2xx ${f.non2xx}` : ''}`);
    }
  }
}
process.exit(0);
