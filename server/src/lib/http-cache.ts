/**
 * HTTP compression and caching of what the server sends: gzip or brotli (as the client accepts)
 * for the web app and JSON answers, never for downloads that are streamed as attachments (exports,
 * files) or already compressed; hashed build assets cached for a year as immutable, index.html
 * revalidated on every visit.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { constants } from 'node:zlib';
import compression from 'compression';
import express, { type RequestHandler } from 'express';

/** Vite writes `name-<hash>.ext` under assets/: their content never changes under the same name. */
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function compress(): RequestHandler {
  return compression({
    threshold: 1024,
    // Brotli quality 4 is about as fast as gzip and smaller; the default (11) is far too slow per request.
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    filter: (req, res) => {
      // Streamed downloads: compressing would hold rows back in zlib buffers, and XLSX is a zip already.
      if (res.getHeader('Content-Disposition')) {
        return false;
      }
      return compression.filter(req, res);
    },
  });
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * A hashed asset the build also wrote as `<name>.br` (brotli at its best quality, once, at build time:
 * ~15 % smaller than the per-request quality 4), sent as it is to clients that accept brotli.
 */
function precompressed(dist: string): RequestHandler {
  return (req, res, next) => {
    const type = TYPES[extname(req.path)];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type || !HASHED_ASSET.test(req.path) || !/\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      next();
      return;
    }
    const file = join(dist, `${req.path}.br`);
    if (req.path.includes('..') || !existsSync(file)) {
      next();
      return;
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', 'br');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.sendFile(file, { dotfiles: 'deny' }, (err) => (err ? next(err) : undefined));
  };
}

/** Static files of the built web app with the cache rules above (precompressed brotli first). */
export function staticClient(dist: string): RequestHandler {
  const files = express.static(dist, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', HASHED_ASSET.test(path.replaceAll('\\', '/')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const br = precompressed(dist);
  return (req, res, next) => br(req, res, (err?: unknown) => (err ? next(err) : files(req, res, next)));
}
