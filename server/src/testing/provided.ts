/** What the Vitest global setup (test/setup/servers.ts) provides to test files. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The test database server (FerretDB unless MONGODB_URI was set). */
    mongoUri: string;
    /** The test Meilisearch, or '' when none runs (its tests skip). */
    meiliHost: string;
    meiliKey: string;
  }
}

export {};
