import type restify from 'restify';
import type { StaticAsset } from '../directline/staticAssets';
import type { Logger } from '../log/logger';
import { HttpProblem, sendProblem } from './errors';

/** A file served at an address: the route, the file, and the headers it goes with (its page's policy). */
export type StaticRoute = readonly [route: string, asset: StaticAsset, headers?: Readonly<Record<string, string>>];

/**
 * `GET` for each file (the indicators tab's, the legal pages'). A file that cannot be read (removed under a running
 * server) is logged as `failure` and answered with the catalogue's internal_error and `problem`: never the error's text.
 */
export function registerStaticRoutes(server: restify.Server, routes: readonly StaticRoute[], log: Logger, failed: { failure: string; problem: string }): void {
  for (const [route, asset, headers] of routes) {
    server.get(route, async (req: restify.Request, res: restify.Response) => {
      try {
        await asset.serve(req, res, headers);
      } catch (error) {
        log.error({ err: error, url: req.url }, failed.failure);
        sendProblem(res, new HttpProblem('internal_error', failed.problem));
      }
    });
  }
}
