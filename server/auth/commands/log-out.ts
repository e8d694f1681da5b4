import type { Services } from '../../context.js';
import { hashToken } from '../tokens.js';

/** Ends a session; an unknown token is not an error (logging out twice is harmless). */
export async function logOut(s: Services, token: string): Promise<void> {
  await s.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}
