import type { Services } from '../context.js';

export interface DemoLogin {
  username: string;
  password: string;
  description: string;
}

export async function seedDemoData(_s: Services): Promise<DemoLogin[] | null> {
  return null;
}
