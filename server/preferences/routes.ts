import type { Services } from '../context.js';
import type { App } from '../http/types.js';

export async function preferenceRoutes(_app: App, _s: Services) {}
