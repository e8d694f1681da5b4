import type { Services } from '../context.js';
import { actorOf, ctxOf } from '../http/auth.js';
import { requireAdmin } from '../auth/authorize.js';
import { errorOut } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { updatePreferences } from './commands/update-preferences.js';
import { preferencesOut, preferencesPatchIn } from './definitions.js';
import { companyOut } from './presenters.js';
import { getCompany } from './queries/get-company.js';
import { getPreferences } from './queries/get-preferences.js';

const tags = ['preferences'];

/** Company Preferences for admins, and the harmless subset (`/api/company`) for everyone. */
export async function companyPreferenceRoutes(app: App, s: Services) {
  app.get('/api/preferences', {
    config: { admin: true },
    schema: { tags, response: { 200: preferencesOut, 403: errorOut } },
  }, async (request) => {
    requireAdmin(actorOf(request));
    return getPreferences(s.db);
  });

  app.put('/api/preferences', {
    config: { admin: true },
    schema: { tags, body: preferencesPatchIn, response: { 200: preferencesOut, 400: errorOut, 403: errorOut } },
  }, async (request) => updatePreferences(ctxOf(s, request), request.body));

  app.get('/api/company', {
    schema: { tags, response: { 200: companyOut } },
  }, async () => getCompany(s));
}
