import path from 'node:path';

/**
 * Where the data lives, from DATABASE_URL: `sqlite:PATH` (relative to the working directory, or `:memory:`)
 * or `postgres://user:password@host:port/database`, with an optional `?schema=NAME` to keep Maillage's tables
 * in their own PostgreSQL schema (created if missing; tests use one per run).
 */
export type DatabaseLocation =
  | { backend: 'sqlite'; file: string; display: string }
  | { backend: 'postgres'; connectionString: string; schema: string; display: string };

/** Lower case only: the name is used unquoted in search_path, where PostgreSQL folds it to lower case. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class DatabaseUrlError extends Error {
  constructor(reason: string) {
    super(`DATABASE_URL ${reason}`);
    this.name = 'DatabaseUrlError';
  }
}

export function parseDatabaseUrl(databaseUrl: string): DatabaseLocation {
  const trimmed = databaseUrl.trim();
  if (trimmed.startsWith('sqlite:')) {
    const file = trimmed.slice('sqlite:'.length);
    if (!file) throw new DatabaseUrlError('sqlite: needs a file path, e.g. sqlite:./data/maillage.sqlite');
    if (file === ':memory:') return { backend: 'sqlite', file, display: 'sqlite::memory:' };
    const absolute = path.resolve(file);
    return { backend: 'sqlite', file: absolute, display: `sqlite:${absolute}` };
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new DatabaseUrlError('is not a valid postgres:// URL');
    }
    const schema = url.searchParams.get('schema') ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new DatabaseUrlError(`has an invalid schema name "${schema.slice(0, 80)}"`);
    url.searchParams.delete('schema');
    const display = new URL(url.toString());
    if (display.password) display.password = '***';
    return {
      backend: 'postgres',
      connectionString: url.toString(),
      schema,
      display: `${display.toString()}${schema === 'public' ? '' : ` (schema ${schema})`}`,
    };
  }
  throw new DatabaseUrlError('must be sqlite:PATH or postgres://…');
}
