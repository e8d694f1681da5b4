/** A change other users may need to see at once: delivered over SSE to those allowed to see it. */
export interface HubEvent {
  type: string;
  /** Users allowed to receive this event; computed by the publisher, once per event. */
  audience: { userIds: number[]; admins: boolean; /** Every stream (a `resync` after a gap). */ everyone?: boolean };
  data: unknown;
}

export type HubListener = (event: HubEvent) => void;

/**
 * Fan-out of realtime events. The in-process hub serves one server (SQLite); on PostgreSQL
 * `postgres-hub.ts` (LISTEN/NOTIFY) carries them between instances, with the same interface.
 */
export interface EventHub {
  /** Whether events reach this process only, or every instance on the database. */
  readonly kind: 'memory' | 'postgres';
  publish(event: HubEvent): Promise<void>;
  subscribe(listener: HubListener): () => void;
  close(): Promise<void>;
}

export function createInProcessHub(): EventHub {
  const listeners = new Set<HubListener>();
  return {
    kind: 'memory',
    async publish(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch {
          // A broken subscriber must not stop the others from receiving the event.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
