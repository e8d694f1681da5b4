import type { Services } from '../context.js';
import type { App } from '../http/types.js';
import { partyRoutes } from './party-routes.js';
import { transactionRoutes } from './transactions/routes.js';

/** Customers, vendors and transactions. */
export async function erpRoutes(app: App, s: Services) {
  await partyRoutes(app, s, 'customer');
  await partyRoutes(app, s, 'vendor');
  await transactionRoutes(app, s);
}
