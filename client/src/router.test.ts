import { describe, expect, it } from 'vitest';
import type { RouteMeta } from 'vue-router';
import { guardDecision, routes } from './router';
import { safeRedirect } from './utils/safeRedirect';

const to = (fullPath: string, meta: RouteMeta = {}) => ({ fullPath, meta });

describe('route guard', () => {
  it('sends anonymous visitors of a signed-in page to login with the way back', () => {
    expect(guardDecision(to('/profile?tab=pw', { requiresAuth: true }), null)).toEqual({
      name: 'login',
      query: { redirect: '/profile?tab=pw' },
    });
  });

  it('treats role-restricted pages as signed-in pages', () => {
    expect(guardDecision(to('/admin/orgs', { roles: ['admin'] }), null)).toMatchObject({ name: 'login' });
  });

  it('keeps other roles out of admin pages and lets admins in', () => {
    const meta: RouteMeta = { requiresAuth: true, roles: ['admin'] };
    expect(guardDecision(to('/admin/orgs', meta), { role: 'researcher' })).toMatchObject({ name: 'forbidden' });
    expect(guardDecision(to('/admin/orgs', meta), { role: 'admin' })).toBe(true);
  });

  it('lets everyone see public pages', () => {
    expect(guardDecision(to('/about'), null)).toBe(true);
    expect(guardDecision(to('/'), { role: 'commissioner' })).toBe(true);
  });
});

describe('safeRedirect', () => {
  it('accepts same-site paths only', () => {
    expect(safeRedirect('/admin/orgs?x=1')).toBe('/admin/orgs?x=1');
    expect(safeRedirect(['/profile'])).toBe('/profile');
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});

describe('marketplace routes', () => {
  const meta = (path: string) => {
    const record = routes.find((r) => r.path === path);
    return { fullPath: path, meta: record?.meta ?? {} };
  };

  it('lets everyone search and read listings', () => {
    expect(guardDecision(meta('/search/:kind(results|needs)'), null)).toBe(true);
    expect(guardDecision(meta('/results/:id'), null)).toBe(true);
    expect(guardDecision(meta('/needs/:id'), null)).toBe(true);
  });

  it('keeps publishing to the roles that may publish', () => {
    expect(guardDecision(meta('/results/new'), { role: 'researcher' })).toBe(true);
    expect(guardDecision(meta('/results/new'), { role: 'commissioner' })).toBe(true);
    expect(guardDecision(meta('/results/new'), { role: 'enterprise' })).toMatchObject({ name: 'forbidden' });
    expect(guardDecision(meta('/needs/new'), { role: 'enterprise' })).toBe(true);
    expect(guardDecision(meta('/needs/new'), { role: 'researcher' })).toMatchObject({ name: 'forbidden' });
    expect(guardDecision(meta('/me/listings'), { role: 'intermediary' })).toMatchObject({ name: 'forbidden' });
    expect(guardDecision(meta('/admin/review'), { role: 'enterprise' })).toMatchObject({ name: 'forbidden' });
    expect(guardDecision(meta('/admin/review'), { role: 'admin' })).toBe(true);
    expect(guardDecision(meta('/notifications'), null)).toMatchObject({ name: 'login' });
    expect(guardDecision(meta('/me/saved-searches'), { role: 'intermediary' })).toBe(true);
  });
});
