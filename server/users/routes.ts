import type { Services } from '../context.js';
import type { App } from '../http/types.js';

export async function userRoutes(_app: App, _s: Services) {}
