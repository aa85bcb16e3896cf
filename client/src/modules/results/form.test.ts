import { resultInput } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildResultView, buildUser } from '../../testing/fixtures';
import { emptyResultForm, resultFormFromView, resultInputFromForm } from './form';

describe('research-result form model', () => {
  it('starts with the user as contact and the organisation’s city', () => {
    const m = emptyResultForm(buildUser('researcher'));
    expect(m.contact).toEqual({ name: '李明', phone: '13800000000', email: 'li@example.cn' });
    expect(m.city).toBe('220100');
    expect(m.negotiable).toBe(false);
  });

  it('round-trips a stored result into a valid API input', () => {
    const view = buildResultView();
    const model = resultFormFromView(view);
    expect(model.price).toBe(3_500_000);
    const input = resultInputFromForm(model);
    expect(input).toMatchObject({ price: 3_500_000, trl: 6, advantages: [{ metric: '能耗', value: '降低 30', unit: '%', baseline: undefined }] });
    expect('negotiable' in input).toBe(false);
    expect(resultInput.safeParse(input).success).toBe(true);
  });

  it('sends 面议 instead of a price, and leaves empty optional texts out', () => {
    const model = resultFormFromView(buildResultView());
    model.negotiable = true;
    model.ip.items = [{ type: 'know_how', number: '', status: 'none' }];
    model.team = [{ name: '王五', role: '' }];
    const input = resultInputFromForm(model);
    expect(input).toMatchObject({ negotiable: true, ip: { items: [{ type: 'know_how', number: undefined, status: 'none' }] }, team: [{ name: '王五', role: undefined }] });
    expect('price' in input).toBe(false);
    expect(resultInput.safeParse(input).success).toBe(true);
  });

  it('leaves an empty price without 面议 to the schema, which asks for one of the two', () => {
    const model = resultFormFromView(buildResultView());
    model.price = null;
    const parsed = resultInput.safeParse(resultInputFromForm(model));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('price');
  });
});
