import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import request from 'supertest';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp, type AppDeps, type KezhuanApp } from '../app';
import { resetEnv } from '../config/env';
import { connectDb } from '../lib/db';
import './provided';

/**
 * Connects this test file to its own database on the real test server (FerretDB unless
 * MONGODB_URI is set), and drops it afterwards.
 */
export function useTestDb(): { dbName: string } {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    resetEnv();
    await connectDb(inject('mongoUri'), dbName);
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });
  return { dbName };
}

/** A fresh app on the test database (API only: no web app files). */
export function testApp(deps: AppDeps = {}): KezhuanApp {
  return createApp({ clientDist: null, sessionSecret: 'test-secret-test-secret-test-secret', ...deps });
}

/** A cookie-keeping client that sends the CSRF token on every mutating request. */
export class Client {
  readonly agent: ReturnType<typeof request.agent>;
  csrf = '';

  constructor(app: KezhuanApp) {
    this.agent = request.agent(app);
  }

  /** Loads the session and its CSRF token. */
  async init(): Promise<this> {
    const res = await this.agent.get('/api/auth/session').expect(200);
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
    return this;
  }

  get(path: string) {
    return this.agent.get(path);
  }

  private keep(res: request.Response): request.Response {
    const token = (res.body as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') {
      this.csrf = token;
    }
    return res;
  }

  async post(path: string, body?: unknown) {
    return this.keep(await this.agent.post(path).set('X-CSRF-Token', this.csrf).send(body as object));
  }

  async patch(path: string, body?: unknown) {
    return this.keep(await this.agent.patch(path).set('X-CSRF-Token', this.csrf).send(body as object));
  }

  async put(path: string, body?: unknown) {
    return this.keep(await this.agent.put(path).set('X-CSRF-Token', this.csrf).send(body as object));
  }

  async delete(path: string) {
    return this.keep(await this.agent.delete(path).set('X-CSRF-Token', this.csrf));
  }

  async login(identifier: string, password: string) {
    return this.post('/api/auth/login', { identifier, password });
  }
}

export async function client(app: KezhuanApp): Promise<Client> {
  return new Client(app).init();
}
