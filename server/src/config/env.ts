import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** External MongoDB (or FerretDB on PostgreSQL). Unset: the embedded FerretDB on SQLite runs. */
  MONGODB_URI: z.string().url().optional(),
  /** Database name when MONGODB_URI names none, and for the embedded server. */
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/).default('kezhuan'),
  /** Folder for the embedded database, Meilisearch data and generated secrets. */
  DATA_DIR: z.string().default('./data'),
  FERRETDB_BIN: z.string().optional(),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_BIN: z.string().optional(),
  /** Several server processes: Socket.io events reach sockets of every process through Redis. */
  REDIS_URL: z.string().url().optional(),
  /** Secret that signs session cookies. Unset: generated once and kept in DATA_DIR. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  /** Trust X-Forwarded-* from this many proxies (set 1 behind nginx/TLS terminator). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** First administrator, created at start when no administrator exists yet. */
  KZ_ADMIN_EMAIL: z.email().optional(),
  KZ_ADMIN_PHONE: z.string().optional(),
  KZ_ADMIN_PASSWORD: z.string().optional(),
  /** Seed demo data into an empty database on start. */
  SEED_DEMO: bool.default(false),
  SERVE_CLIENT: bool.default(true),
  /** The address users reach the platform at (links in exports and messages); default http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Pages that may open a socket (Origin header), comma separated, e.g. `https://kz.example.cn,https://www.kz.example.cn`.
   * Default: PUBLIC_URL's origin. A page served from the host the socket connects to is always allowed.
   */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: string[] = [];
      for (const item of (v ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
        try {
          out.push(new URL(item).origin);
        } catch {
          ctx.addIssue({ code: 'custom', message: `not an origin: ${item}` });
        }
      }
      return out;
    }),
});

export type Env = z.infer<typeof schema> & { dataDir: string; publicUrl: string; allowedOrigins: ReadonlySet<string> };

let cached: Env | undefined;

/** Parses process.env once (fail fast with a readable message); later calls return the same object. */
export function env(): Env {
  if (cached) {
    return cached;
  }
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const dataDir = isAbsolute(parsed.data.DATA_DIR) ? parsed.data.DATA_DIR : resolve(parsed.data.DATA_DIR);
  // Never derived from a request's Host header, which the client controls.
  const publicUrl = (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, '');
  const allowedOrigins = new Set(parsed.data.ALLOWED_ORIGINS.length > 0 ? parsed.data.ALLOWED_ORIGINS : [new URL(publicUrl).origin]);
  cached = { ...parsed.data, dataDir, publicUrl, allowedOrigins };
  return cached;
}

/** Forgets the parsed environment (tests change process.env between cases). */
export function resetEnv(): void {
  cached = undefined;
}

/** A random secret for development when none is configured. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
