import type { Services } from '../context.js';
import type { App } from '../http/types.js';
import { userGroupRoutes } from './user-group-routes.js';
import { usersRoutes } from './user-routes.js';

/** Users and User Groups. */
export async function userRoutes(app: App, s: Services) {
  await usersRoutes(app, s);
  await userGroupRoutes(app, s);
}
