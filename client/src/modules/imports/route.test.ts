import { describe, expect, it } from 'vitest';
import { guardDecision, routes } from '../../router';

describe('the import page route', () => {
  it('is for administrators only', () => {
    const record = routes.find((r) => r.path === '/admin/imports');
    const to = { fullPath: '/admin/imports', meta: record?.meta ?? {} };
    expect(record?.name).toBe('admin-imports');
    expect(guardDecision(to, null)).toMatchObject({ name: 'login' });
    expect(guardDecision(to, { role: 'researcher' })).toMatchObject({ name: 'forbidden' });
    expect(guardDecision(to, { role: 'admin' })).toBe(true);
  });
});
