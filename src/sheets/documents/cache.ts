import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The text read from a PDF or Word file, kept by the file's SHA-256 so a restart does not parse a large PDF again.
 * The entry is keyed by content, not by path or date: a file renamed or touched is not read again, a file changed
 * is. `READER_VERSION` is in the key, so a better reader reads every document again instead of serving old text.
 * A missing, unreadable or corrupt entry is a miss: the document is read and the entry rewritten. Writing is
 * best-effort: a cache that cannot be written (read-only disk) only costs a re-read at the next start.
 */

/** Raise when the readers or the cleaning change what a document gives. */
export const READER_VERSION = 1;

const CachedDocumentSchema = z.object({
  version: z.literal(READER_VERSION),
  kind: z.enum(['pdf', 'docx']),
  /** The sheet text the document gave, or why it gives none (no text layer): both are worth keeping. */
  text: z.string().optional(),
  reason: z.string().optional(),
});
export type CachedDocument = z.infer<typeof CachedDocumentSchema>;

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class DocumentCache {
  constructor(readonly directory: string) {}

  private entryPath(hash: string, kind: CachedDocument['kind']): string {
    return path.join(this.directory, `${hash}.${kind}.v${READER_VERSION}.json`);
  }

  get(hash: string, kind: CachedDocument['kind']): CachedDocument | undefined {
    try {
      const parsed = CachedDocumentSchema.safeParse(JSON.parse(readFileSync(this.entryPath(hash, kind), 'utf8')));
      return parsed.success && parsed.data.kind === kind ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  set(hash: string, entry: CachedDocument): void {
    const target = this.entryPath(hash, entry.kind);
    // Written aside then renamed: a reader never sees half an entry, even if the process dies mid-write.
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(this.directory, { recursive: true });
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, target);
    } catch {
      // Best-effort, see above.
    }
  }
}

/**
 * Where the cache lives: next to the SQLite database (`sqlite:./data/maillage.sqlite` → `./data/cache/sheets`), the
 * folder the deployment already keeps writable and persistent; with PostgreSQL or an in-memory database, under the
 * system's temporary folder. Never inside KNOWLEDGE_DIR, which may be mounted read-only.
 */
export function sheetCacheDirectory(databaseUrl: string): string {
  const sqlite = /^sqlite:(.+)$/.exec(databaseUrl.trim());
  if (sqlite && sqlite[1] !== ':memory:') return path.resolve(path.dirname(sqlite[1]), 'cache', 'sheets');
  return path.join(os.tmpdir(), 'maillage-cache', 'sheets');
}
