import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { ErrorCode, Role } from '@kezhuan/shared';
import type { z } from 'zod';
import { requireAuth } from './auth-guard';
import { createError } from './errors';
import { validate } from './validate';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

/** Who may call a route: anyone, any signed-in user, or signed-in users with one of these roles. */
export type Access = 'public' | 'user' | readonly Role[];

export interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined> {
  method: Method;
  /** Express path below /api, e.g. `/orgs/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** Schema of a successful JSON answer (documentation; presenters build it). */
  response?: z.ZodType;
  /** Success status: 200 by default, 202 for work accepted to run in the background, 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /** Extra middleware that runs first (rate limits). */
  before?: RequestHandler[];
  /** Non-JSON answers (files, HTML) set this and write the response themselves. */
  raw?: boolean;
  /**
   * Errors this route can answer with beyond those the OpenAPI builder infers from its shape
   * (e.g. 415 and 413 for uploads); documentation only.
   */
  errors?: readonly ErrorCode[];
  handler: (
    input: { body: Infer<B>; query: Infer<Q>; params: Infer<P> },
    req: Request,
    res: Response,
  ) => Promise<unknown> | unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds routes of every input type
export type AnyRoute = RouteSpec<any, any, any>;

/**
 * The only way routes are added to the API: each route states its access, its zod schemas and its
 * documentation in one place, so validation and the OpenAPI document cannot drift apart.
 */
export class ApiRouter {
  readonly router = Router();
  readonly routes: AnyRoute[] = [];

  add<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
    spec: RouteSpec<B, Q, P>,
  ): void {
    this.routes.push(spec as AnyRoute);
    const chain: RequestHandler[] = [...(spec.before ?? [])];
    if (spec.access !== 'public') {
      chain.push(requireAuth(spec.access === 'user' ? undefined : spec.access));
    }
    chain.push(validate({ body: spec.body, query: spec.query, params: spec.params }));
    chain.push(async (req: Request, res: Response, _next: NextFunction) => {
      const out = await spec.handler(req.valid as never, req, res);
      if (spec.raw || res.headersSent) {
        return;
      }
      if (spec.status === 204) {
        res.status(204).end();
        return;
      }
      if (spec.status) {
        res.status(spec.status);
      }
      res.json(out ?? {});
    });
    this.router[spec.method](spec.path, ...chain);
  }

  /**
   * Answers 405 with an `Allow` header (and OPTIONS with 204) when the path is one of the API's but
   * the method is not. Mounted before sessions and CSRF, so a wrong method is named as such rather
   * than refused for a missing token; routes are looked up per request, so routes added later count.
   */
  methodGuard(): RequestHandler {
    return (req, res, next) => {
      const allowed = new Set<string>();
      for (const r of this.routes) {
        if (pathPattern(r.path).test(req.path)) {
          allowed.add(r.method.toUpperCase());
        }
      }
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      if (allowed.size === 0 || allowed.has(method)) {
        next();
        return;
      }
      if (allowed.has('GET')) {
        allowed.add('HEAD');
      }
      allowed.add('OPTIONS');
      const allow = [...allowed].sort().join(', ');
      if (req.method === 'OPTIONS') {
        res.set('Allow', allow).status(204).end();
        return;
      }
      next(createError('METHOD_NOT_ALLOWED', { headers: { Allow: allow } }));
    };
  }
}

const patterns = new Map<string, RegExp>();

/** `/orgs/:id/verification` → a regular expression matching one concrete path (a trailing slash allowed). */
function pathPattern(path: string): RegExp {
  let re = patterns.get(path);
  if (!re) {
    const body = path
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    re = new RegExp(`^${body}/?$`, 'i');
    patterns.set(path, re);
  }
  return re;
}
