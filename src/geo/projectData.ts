import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's `data/` folder (beside package.json), found from this file so that it is the same from the
 * TypeScript sources (tests) and from the build in dist/.
 */
export function projectDataDir(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'data');
    const up = dirname(dir);
    if (up === dir) return join(process.cwd(), 'data');
    dir = up;
  }
}
