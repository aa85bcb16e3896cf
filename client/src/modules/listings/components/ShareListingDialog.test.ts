// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n, setLocale } from '../../../i18n';
import { routes } from '../../../router';
import { fakeFetch, flush } from '../../../testing/fakeFetch';
import { ORG_ID, RESULT_ID } from '../../../testing/fixtures';
import OwnerBar from './OwnerBar.vue';

const OWNER = '0123456789abcdef01234567';
const WANG = '0123456789abcdef01234568';
const ZHAO = '0123456789abcdef01234569';
const PENDING = '0123456789abcdef0123456a';

const member = (id: string, displayName: string, status: 'active' | 'pending' = 'active') => ({ id, displayName, email: '', role: 'researcher', orgRole: 'member', status, requestedAt: null });

beforeEach(() => setLocale('zh-CN', false));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const inBody = (sel: string) => document.body.querySelector<HTMLElement>(sel);
const mountBar = (extra: { canShare: boolean; sharedWith: string[] }) =>
  mount(OwnerBar, {
    props: { kind: 'result', listing: { id: RESULT_ID, status: 'draft', expiresAt: null, returnReason: null, org: { id: ORG_ID }, owner: { id: OWNER }, ...extra } },
    global: { plugins: [i18n, createRouter({ history: createMemoryHistory(), routes }), ElementPlus, createPinia()] },
    attachTo: document.body,
  });

describe('sharing a listing with colleagues', () => {
  it('lists the approved colleagues, starts from the current list and saves the ticked ones', async () => {
    const sent = fakeFetch((req) => {
      if (req.method === 'GET') {
        return [200, [member(OWNER, '李明'), member(WANG, '王芳'), member(ZHAO, '赵强'), member(PENDING, '待批准', 'pending')]];
      }
      return [200, { sharedWith: [{ id: WANG, name: '王芳' }, { id: ZHAO, name: '赵强' }] }];
    });
    const wrapper = mountBar({ canShare: true, sharedWith: [WANG] });
    expect(wrapper.get('[data-testid=share-open]').text()).toContain('已共享给 1 人');
    await wrapper.get('[data-testid=share-open]').trigger('click');
    await flush();
    const dialog = inBody('[data-testid=share-dialog]')?.textContent ?? '';
    expect(dialog).toContain('王芳');
    expect(dialog).toContain('赵强');
    expect(dialog).not.toContain('李明'); // the owner
    expect(dialog).not.toContain('待批准'); // not approved yet
    expect(inBody(`[data-testid=share-member-${WANG}] input`)).toHaveProperty('checked', true);
    inBody(`[data-testid=share-member-${ZHAO}] input`)?.click();
    await flush();
    inBody('[data-testid=share-save]')?.click();
    await flush();
    expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', `/orgs/${ORG_ID}/members`, undefined],
      ['PUT', `/results/${RESULT_ID}/share`, { userIds: [WANG, ZHAO] }],
    ]);
    expect(wrapper.get('[data-testid=share-open]').text()).toContain('已共享给 2 人');
  });

  it('is not offered to a colleague the listing is shared with', () => {
    const wrapper = mountBar({ canShare: false, sharedWith: [WANG] });
    expect(wrapper.find('[data-testid=share-open]').exists()).toBe(false);
  });
});
