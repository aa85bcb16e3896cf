import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { env, randomSecret } from './config/env';
import { ApiRouter } from './lib/api-router';
import { AppError, createError } from './lib/errors';
import { logger } from './lib/logger';
import { docsRoutes } from './lib/docs';
import { compress, staticClient } from './lib/http-cache';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { createCsrf } from './modules/auth/csrf';
import { configurePassport } from './modules/auth/passport';
import { discoveryRoutes } from './modules/discovery/discovery.routes';
import { healthRoutes } from './modules/health/health.routes';
import { importRoutes } from './modules/imports/import.routes';
import { listingReviewRoutes } from './modules/listings/listing.routes';
import { matchingRoutes } from './modules/matching/matching.routes';
import { needRoutes } from './modules/needs/need.routes';
import { notificationRoutes } from './modules/notifications/notification.routes';
import { orgRoutes } from './modules/orgs/org.routes';
import { resultRoutes } from './modules/results/result.routes';
import { savedSearchRoutes } from './modules/saved-searches/saved-search.routes';
import { statsRoutes } from './modules/stats/stats.routes';
import { commissionerRoutes } from './modules/commissioners/commissioner.routes';
import { serviceRequestRoutes } from './modules/service-requests/service-request.routes';
import { pairingRoutes } from './modules/pairing/pairing.routes';
import { bookingRoutes } from './modules/instruments/booking.routes';
import { serviceLogRoutes } from './modules/service-log/service.routes';
import { dealRoutes } from './modules/deals/deal.routes';
import { dealFileRoutes } from './modules/deals/deal.files.routes';
import { contractRoutes } from './modules/contracts/contract.routes';
import { intermediaryRoutes } from './modules/intermediaries/intermediary.routes';
import { transferIndexRoutes } from './modules/transfer-index/transfer-index.routes';
import { planRoutes } from './modules/plan/plan.routes';
import { instrumentRoutes } from './modules/instruments/instrument.routes';
import { financingRoutes } from './modules/financing/financing.routes';
import { carrierRoutes } from './modules/carriers/carrier.routes';
import { programmeRoutes } from './modules/programmes/programme.routes';
import { eventRoutes } from './modules/events/event.routes';
import { fundingRoutes } from './modules/programmes/funding.routes';
import { fundedProjectRoutes } from './modules/funded-projects/funded-project.routes';
import { reviewRoutes } from './modules/programmes/review.routes';
import { logMessaging, type Messaging } from './modules/messaging/messaging';
import { MongooseSessionStore } from './modules/sessions/session.store';
import { userAdminRoutes } from './modules/users/user-admin.routes';
import { userRoutes } from './modules/users/user.routes';
import { PlatformSearch } from './search/search.service';
import { SearchQueryError } from './search/validate';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(here, '../../package.json'), 'utf8')) as { version: string };

export interface AppDeps {
  search?: PlatformSearch;
  embeddedDb?: boolean;
  sessionSecret?: string;
  /** Folder of the built web app to serve (production); none in API-only tests. */
  clientDist?: string | null;
  /** Overrides TRUST_PROXY (tests simulate clients behind a TLS proxy). */
  trustProxy?: number;
  /** Email and SMS transports (password-reset codes, account notices); the log transport by default. */
  messaging?: Messaging;
  /** Overrides the new sessions allowed per network address and hour (tests). */
  sessionsPerIpPerHour?: number;
}

export interface KezhuanApp extends Express {
  locals: Express['locals'] & { api: ApiRouter; sessionStore: MongooseSessionStore; sessionMiddleware: express.RequestHandler };
}

/** Builds the Express app (no listen): API under /api, the web app around it. */
export function createApp(deps: AppDeps = {}): KezhuanApp {
  const e = env();
  const app = express() as KezhuanApp;
  const search = deps.search ?? PlatformSearch.inMemory();
  app.set('trust proxy', deps.trustProxy ?? e.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
      // HSTS means nothing over plain HTTP (RFC 6797 §7.2): sent below only on TLS requests.
      strictTransportSecurity: false,
    }),
  );
  app.use(compress());
  const api = new ApiRouter();
  app.use('/api', api.methodGuard());
  app.use(strictTransportSecurity);
  app.use(express.json({ limit: '1mb' }));

  const ttlMs = e.SESSION_TTL_HOURS * 3600_000;
  const store = new MongooseSessionStore(ttlMs);
  const secret = deps.sessionSecret ?? e.SESSION_SECRET ?? randomSecret();
  const csrf = createCsrf(secret);
  const sessionMiddleware = session({
    name: 'kz.sid',
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: ttlMs },
  });
  app.use('/api', sessionMiddleware);
  const passport = configurePassport();
  app.use('/api', passport.initialize(), passport.session());
  app.use('/api', csrf.protection());

  authRoutes(api, { store, csrf, messaging: deps.messaging ?? logMessaging(), sessionsPerIpPerHour: deps.sessionsPerIpPerHour });
  userRoutes(api);
  userAdminRoutes(api, store);
  orgRoutes(api);
  auditRoutes(api);
  resultRoutes(api, { search });
  needRoutes(api, { search });
  listingReviewRoutes(api);
  discoveryRoutes(api, { search });
  matchingRoutes(api, { search });
  savedSearchRoutes(api);
  notificationRoutes(api);
  importRoutes(api);
  statsRoutes(api, { search });
  // Pairing (双千): commissioner applications and directory, enterprise service requests.
  commissionerRoutes(api);
  serviceRequestRoutes(api);
  // Pairing runs (双千): run, review, confirm; both sides answer.
  pairingRoutes(api);
  // Service of accepted pairings (双千): agreement, log, review, rating, programme summary.
  serviceLogRoutes(api);
  dealRoutes(api);
  dealFileRoutes(api);
  // Contracts of deal rooms, comparable deals, technology market statistics.
  contractRoutes(api);
  intermediaryRoutes(api);
  transferIndexRoutes(api);
  bookingRoutes(api);
  planRoutes(api);
  instrumentRoutes(api, { search });
  financingRoutes(api);
  carrierRoutes(api);
  programmeRoutes(api);
  eventRoutes(api);
  fundingRoutes(api);
  fundedProjectRoutes(api);
  reviewRoutes(api, { messaging: deps.messaging ?? logMessaging() });
  healthRoutes(api, { embeddedDb: deps.embeddedDb ?? false, search, version: pkg.version });
  docsRoutes(api, pkg.version);
  app.use('/api', api.router);
  app.use('/api', (_req, _res, next) => next(createError('NOT_FOUND')));

  const dist = deps.clientDist === undefined ? resolve(here, '../../client/dist') : deps.clientDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    app.use(staticClient(dist));
    const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(indexHtml);
    });
  }

  app.use(errorHandler);
  app.locals.api = api;
  app.locals.sessionStore = store;
  app.locals.sessionMiddleware = sessionMiddleware;
  return app;
}

const strictTransportSecurity: express.RequestHandler = (req, res, next) => {
  if (req.secure) {
    res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  next();
};

/** The one error handler: known errors as they are, body-parser errors as 400/413, the rest a logged 500. */
const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  let appErr: AppError;
  if (err instanceof AppError) {
    appErr = err;
  } else if (err instanceof SearchQueryError) {
    appErr = createError('BAD_REQUEST', { message: `搜索条件无效：${err.message}`, messageEn: `Invalid search: ${err.message}` });
  } else if (isHttpError(err) && err.status === 413) {
    appErr = createError('PAYLOAD_TOO_LARGE');
  } else if (isHttpError(err) && err.status >= 400 && err.status < 500) {
    appErr = createError('BAD_REQUEST', { message: '请求格式不正确（JSON 无法解析）', messageEn: 'Malformed request body' });
  } else {
    logger().error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    appErr = createError('INTERNAL');
  }
  if (appErr.headers) {
    res.set(appErr.headers);
  }
  res.status(appErr.status).json({ error: appErr.toBody() });
};

function isHttpError(err: unknown): err is { status: number } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number';
}
