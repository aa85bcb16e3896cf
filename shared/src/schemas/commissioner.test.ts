import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toFieldErrors } from '../i18n/issues';
import { commissionerApplicationInput, commissionerReviewInput } from './commissioner';
import { serviceRequestInput } from './service-request';

const application = (o: Record<string, unknown> = {}) => ({
  term: 2027, expertise: '高分子材料改性与中试放大', keywords: ['聚乳酸'], disciplines: ['430'], industries: ['C28'],
  cities: ['220100'], capacity: 2, ...o,
});
const request = (o: Record<string, unknown> = {}) => ({
  title: '内饰件VOC治理', problem: '内饰件VOC超标，需要找到原因并整改。', industry: 'C36', city: '220100', keywords: ['VOC'], urgency: 'normal', ...o,
});
const errors = (r: z.ZodSafeParseResult<unknown>) => (r.success ? [] : toFieldErrors(r.error.issues));

describe('commissioner application schema', () => {
  it('accepts a complete application, dropping repeats, with defaults for the optional parts', () => {
    const v = commissionerApplicationInput.parse(application({ disciplines: ['430', '430'], counties: ['220106'] }));
    expect(v).toMatchObject({ disciplines: ['430'], counties: ['220106'], stakes: [], availability: {} });
  });

  it('refuses capacity outside 1–5, unknown county codes and an application serving nowhere, in zh and en', () => {
    for (const capacity of [0, 6, 9, 2.5]) {
      expect(commissionerApplicationInput.safeParse(application({ capacity })).success).toBe(false);
    }
    const county = errors(commissionerApplicationInput.safeParse(application({ counties: ['220381'] })));
    expect(county[0]).toMatchObject({ path: 'counties.0', message: '请选择吉林省的县（市、区）', messageEn: 'Choose a county-level division of Jilin' });
    const nowhere = errors(commissionerApplicationInput.safeParse(application({ cities: [] })));
    expect(nowhere[0]).toMatchObject({ path: 'cities', messageEn: 'Choose at least one city or county you can serve' });
  });

  it('wants a reason to send an application back', () => {
    expect(commissionerReviewInput.safeParse({ decision: 'approve' }).success).toBe(true);
    expect(errors(commissionerReviewInput.safeParse({ decision: 'return' }))[0]?.path).toBe('reason');
  });
});

describe('service request schema', () => {
  it('keeps the county inside the city and a commissioner out of both lists at once', () => {
    expect(serviceRequestInput.safeParse(request({ county: '220106' })).success).toBe(true);
    expect(errors(serviceRequestInput.safeParse(request({ county: '220281' })))[0]).toMatchObject({ path: 'county', message: '所选县（市、区）不属于所选市（州）' });
    const id = '0123456789abcdef01234567';
    expect(errors(serviceRequestInput.safeParse(request({ preferred: [id], excluded: [id] })))[0]).toMatchObject({ path: 'excluded', messageEn: 'A commissioner cannot be both preferred and excluded' });
  });
});
