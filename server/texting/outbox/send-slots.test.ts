import { expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { describeEachDatabase } from '../../test/harness.js';
import { reserveSendSlot } from './send-slots.js';

describeEachDatabase('per-sender send pacing', (h) => {
  it('spaces a sender’s sends 1/rate apart, shares the pace across connections, and keeps senders apart', async () => {
    const db = h().running.services.db;
    const other = openDatabase(h().config.database);
    try {
      const t0 = 1_800_000_000_000;
      const slots = await Promise.all([
        reserveSendSlot(db, 'MGpace', 2, t0),
        reserveSendSlot(other.db, 'MGpace', 2, t0),
        reserveSendSlot(db, 'MGpace', 2, t0),
        reserveSendSlot(other.db, 'MGpace', 2, t0),
      ]);
      expect([...slots].sort((a, b) => a - b)).toEqual([t0, t0 + 500, t0 + 1000, t0 + 1500]);
      expect(await reserveSendSlot(db, '+12015550100', 2, t0)).toBe(t0);
      // After a quiet spell the next send may go at once.
      expect(await reserveSendSlot(db, 'MGpace', 2, t0 + 60_000)).toBe(t0 + 60_000);
    } finally {
      await other.destroy();
    }
  });
});
