import type { Services } from '../context.js';
import type { App } from '../http/types.js';
import { conversationTypeRoutes } from './conversation-type-routes.js';
import { companyPreferenceRoutes } from './preference-routes.js';

/** Company Preferences and Conversation Types. */
export async function preferenceRoutes(app: App, s: Services) {
  await companyPreferenceRoutes(app, s);
  await conversationTypeRoutes(app, s);
}
