/** Builds the web app before the browser tests if its sources changed since the last build. */
export default async function setup() {
  // @ts-expect-error -- plain ESM script without types
  const { ensureClientBuilt } = (await import('../../scripts/lib.mjs')) as { ensureClientBuilt: (log?: (m: string) => void) => void };
  ensureClientBuilt(() => undefined);
}
