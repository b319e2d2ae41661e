import { z } from 'zod';
import { createLogger, type Logger } from '../../src/log/logger';

/** A real pino logger whose JSON lines are kept in memory, so a test can assert what was reported. */
const LogLineSchema = z.record(z.string(), z.unknown());

export interface CapturedLog {
  log: Logger;
  lines: () => Record<string, unknown>[];
}

export function captureLog(level = 'info'): CapturedLog {
  const raw: string[] = [];
  const log = createLogger(level, { write: (line: string) => void raw.push(line) });
  return {
    log,
    lines: () => raw.map((line) => LogLineSchema.parse(JSON.parse(line))),
  };
}

export const silentLog: Logger = createLogger('silent');
