/**
 * HTTP compression and caching of what the server sends: gzip or brotli (as the client accepts)
 * for the web app and JSON answers, never for downloads that are streamed as attachments (exports,
 * files) or already compressed; hashed build assets cached for a year as immutable, index.html
 * revalidated on every visit.
 */
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

/** Static files of the built web app with the cache rules above. */
export function staticClient(dist: string): RequestHandler {
  return express.static(dist, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', HASHED_ASSET.test(path.replaceAll('\\', '/')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
