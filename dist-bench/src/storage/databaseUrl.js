"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DatabaseUrlError = void 0;
exports.parseDatabaseUrl = parseDatabaseUrl;
const node_path_1 = __importDefault(require("node:path"));
/** Lower case only: the name is used unquoted in search_path, where PostgreSQL folds it to lower case. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
class DatabaseUrlError extends Error {
    constructor(reason) {
        super(`DATABASE_URL ${reason}`);
        this.name = 'DatabaseUrlError';
    }
}
exports.DatabaseUrlError = DatabaseUrlError;
function parseDatabaseUrl(databaseUrl) {
    const trimmed = databaseUrl.trim();
    if (trimmed.startsWith('sqlite:')) {
        const file = trimmed.slice('sqlite:'.length);
        if (!file)
            throw new DatabaseUrlError('sqlite: needs a file path, e.g. sqlite:./data/maillage.sqlite');
        if (file === ':memory:')
            return { backend: 'sqlite', file, display: 'sqlite::memory:' };
        const absolute = node_path_1.default.resolve(file);
        return { backend: 'sqlite', file: absolute, display: `sqlite:${absolute}` };
    }
    if (/^postgres(ql)?:\/\//.test(trimmed)) {
        let url;
        try {
            url = new URL(trimmed);
        }
        catch {
            throw new DatabaseUrlError('is not a valid postgres:// URL');
        }
        const schema = url.searchParams.get('schema') ?? 'public';
        if (!SCHEMA_NAME.test(schema))
            throw new DatabaseUrlError(`has an invalid schema name "${schema.slice(0, 80)}"`);
        url.searchParams.delete('schema');
        const display = new URL(url.toString());
        if (display.password)
            display.password = '***';
        return {
            backend: 'postgres',
            connectionString: url.toString(),
            schema,
            display: `${display.toString()}${schema === 'public' ? '' : ` (schema ${schema})`}`,
        };
    }
    throw new DatabaseUrlError('must be sqlite:PATH or postgres://…');
}
//# sourceMappingURL=databaseUrl.js.map