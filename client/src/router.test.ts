import { describe, expect, it } from 'vitest';
import type { RouteMeta } from 'vue-router';
import { guardDecision } from './router';
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
