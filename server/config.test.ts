import path from 'node:path';
import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

it('uses a SQLite database under ./data by default', () => {
  const c = loadConfig({});
  expect(c.port).toBe(3000);
  expect(c.database).toEqual({ dialect: 'sqlite', filename: path.resolve('data/switchboard.db') });
  expect(c.seedDemo).toBe(true);
});

it('selects PostgreSQL from DATABASE_URL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/app' });
  expect(c.database).toEqual({ dialect: 'postgres', connectionString: 'postgres://u@db:5432/app' });
});

it('lists every invalid variable at once', () => {
  let error: unknown;
  try {
    loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems.join('\n');
  for (const name of ['PORT', 'DATABASE_URL', 'SEED_DEMO', 'LOG_LEVEL']) expect(problems).toContain(name);
  expect((error as ConfigError).problems).toHaveLength(4);
});
