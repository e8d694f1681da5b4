import type { Generated } from 'kysely';

/** Large realtime events in transit between instances (see postgres-hub.ts). */
export interface RealtimeEventsTable {
  id: Generated<number>;
  payload: string;
  created_at: string;
}
