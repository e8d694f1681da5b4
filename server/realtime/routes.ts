import type { Services } from '../context.js';
import type { App } from '../http/types.js';

export async function eventRoutes(_app: App, _s: Services) {}
