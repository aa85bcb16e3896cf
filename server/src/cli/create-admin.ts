/**
 * Creates an administrator:
 *   npm run admin:create -- --email a@b.cn --phone 13900000000 --name 管理员 [--password …]
 * Without --password, KZ_ADMIN_PASSWORD is used. Uses MONGODB_URI or the embedded database.
 */
import { parseArgs } from 'node:util';
import { createAdmin } from '../modules/users/admin-bootstrap';
import { startRuntime } from '../runtime';

const { values } = parseArgs({
  options: { email: { type: 'string' }, phone: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
const password = values.password ?? process.env.KZ_ADMIN_PASSWORD;
if (!values.email || !values.phone || !password) {
  console.error('usage: npm run admin:create -- --email EMAIL --phone MOBILE [--name NAME] [--password PASSWORD | env KZ_ADMIN_PASSWORD]');
  process.exit(2);
}
const runtime = await startRuntime();
try {
  const user = await createAdmin({ email: values.email, phone: values.phone, password, displayName: values.name ?? '管理员' });
  console.log(`administrator created: ${user.email} (${String(user._id)})`);
} catch (err) {
  console.error(`could not create the administrator: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await runtime.stop();
}
