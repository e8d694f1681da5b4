import pg from 'pg';
import pino from 'pino';
import { expect, inject, it } from 'vitest';
import { startServer } from '../boot.js';
import type { Running } from '../boot.js';
import { describeEachDatabase } from '../test/harness.js';
import { listen } from '../test/sse.js';

describeEachDatabase(
  'realtime across instances',
  (h) => {
    it('on PostgreSQL, an event published by one instance reaches streams on another (large ones too, and a resync after the listener drops); SQLite keeps them in process', async () => {
      if (h().dialect === 'sqlite') {
        // One SQLite file serves one instance: its hub stays in process.
        expect(h().running.services.hub.kind).toBe('memory');
        return;
      }
      expect(h().running.services.hub.kind).toBe('postgres');
      const other: Running = await startServer(h().config, { clock: h().clock, log: pino({ level: 'silent' }), listen: true, serveWeb: false });
      try {
        const alice = await h().signIn('alice');
        const bob = await h().signIn('bob');
        // Bob's stream is on the other instance; sessions live in the database, so his cookie works there.
        const onOther = await listen({ running: other }, bob);
        const onThis = await listen(h(), bob);
        try {
          const conv = (await alice.post('/api/conversations', { subject: 'Across instances', tags: [{ kind: 'user', id: bob.userId }] })).body;
          const { batch, ...posted } = (await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'hello from instance A' })).body;
          expect(batch).toHaveLength(1);
          await onOther.until((r) => r.some((e) => e.event === 'message.created'));
          expect(onOther.received.find((e) => e.event === 'message.created')!.data).toEqual({ conversationId: conv.id, message: posted });
          // The publishing instance hears it through PostgreSQL too, exactly once.
          await onThis.until((r) => r.some((e) => e.event === 'message.created'));
          expect(onThis.received.filter((e) => e.event === 'message.created')).toHaveLength(1);

          // An event over NOTIFY's 8,000-byte payload limit goes through the realtime_events table.
          const long = 'x'.repeat(9_000);
          await alice.post(`/api/conversations/${conv.id}/messages`, { body: long });
          await onOther.until((r) => r.some((e) => e.event === 'message.created' && e.data.message.body === long));

          // The listening connections drop (a failover, a restart of PostgreSQL): streams are told to resync.
          const admin = new pg.Client({ connectionString: inject('pgUrl')! });
          await admin.connect();
          const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [`${(h().config.database as { schema: string }).schema}:events`]);
          await admin.end();
          expect(killed.rowCount).toBe(2);
          await onOther.until((r) => r.some((e) => e.event === 'resync'), 10_000);
          await onThis.until((r) => r.some((e) => e.event === 'resync'), 10_000);
          // And events flow again after the reconnect.
          await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'after the reconnect' });
          await onOther.until((r) => r.some((e) => e.event === 'message.created' && e.data.message.body === 'after the reconnect'));
        } finally {
          onOther.close();
          onThis.close();
        }
      } finally {
        await other.close();
      }
    });
  },
  { listen: true },
);
