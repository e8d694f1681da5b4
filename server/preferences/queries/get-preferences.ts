import type { DbOrTrx } from '../../db/schema.js';
import { PREFERENCE_KEYS, definitionOf } from '../definitions.js';
import type { PreferenceKey, Preferences } from '../definitions.js';

/**
 * Every Company Preference, with the registry's default where none is stored. A stored value
 * that no longer fits its key's schema (written under an older definition) reads as the
 * default rather than breaking every caller.
 */
export async function getPreferences(db: DbOrTrx): Promise<Preferences> {
  const rows = await db.selectFrom('company_preferences').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const values: Partial<Record<PreferenceKey, unknown>> = {};
  for (const key of PREFERENCE_KEYS) {
    const definition = definitionOf(key);
    const raw = stored.get(key);
    values[key] = raw === undefined ? definition.default : decodeStored(raw, definition.schema, definition.default);
  }
  return values as Preferences;
}

function decodeStored(raw: string, schema: ReturnType<typeof definitionOf>['schema'], fallback: unknown): unknown {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
