import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

/**
 * Decides once per run whether the PostgreSQL half of the suite runs. With REQUIRE_PG=1 an
 * unreachable server fails the run instead of skipping it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  let reachable = false;
  try {
    await client.connect();
    await client.query('select 1');
    reachable = true;
  } catch (err) {
    if (process.env.REQUIRE_PG === '1') {
      throw new Error(`REQUIRE_PG=1 but PostgreSQL at ${url} is unreachable: ${(err as Error).message}`);
    }
    console.warn(`PostgreSQL at ${url} is unreachable; PostgreSQL tests are skipped (set REQUIRE_PG=1 to fail instead).`);
  } finally {
    await client.end().catch(() => {});
  }
  project.provide('pgUrl', reachable ? url : null);
}
