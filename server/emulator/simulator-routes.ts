import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The page's folder, from server/emulator (tsx) or dist/server/emulator (compiled, files not copied). */
function simulatorDir(): string {
  for (const candidate of [path.join(here, 'simulator'), path.resolve(here, '../../../server/emulator/simulator')]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  throw new Error('The phone simulator files (server/emulator/simulator) are missing.');
}

const FILES: Record<string, string> = {
  'simulator.js': 'text/javascript; charset=utf-8',
  'simulator.css': 'text/css; charset=utf-8',
};

/** `GET /simulator`: the phone simulator, plain HTML/CSS/JS talking to `/emulator/api`. */
export async function simulatorRoutes(app: FastifyInstance): Promise<void> {
  const dir = simulatorDir();
  const read = (name: string) => fs.readFileSync(path.join(dir, name));
  const html = read('index.html');
  const assets = Object.fromEntries(Object.keys(FILES).map((name) => [name, read(name)]));
  app.get('/simulator', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html));
  app.get<{ Params: { file: string } }>('/simulator/:file', async (request, reply) => {
    const type = FILES[request.params.file];
    const body = assets[request.params.file];
    if (!type || !body) return reply.status(404).type('text/plain').send('Not found');
    return reply.type(type).header('cache-control', 'no-cache').send(body);
  });
}
