/** Seeds the demo data into an empty database: `npm run seed`. */
import { seedDemoIfEmpty } from '../seed/demo';
import { startRuntime } from '../runtime';

const runtime = await startRuntime();
try {
  const done = await seedDemoIfEmpty((m) => console.log(m));
  if (!done) {
    console.log('demo data already present; nothing to do');
  }
} finally {
  await runtime.stop();
}
