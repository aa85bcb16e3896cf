import type { PairingServiceView, PairingView, ServiceEntryView } from '@kezhuan/shared';

/** A confirmed pairing awaiting the enterprise's answer (tests). */
export function buildPairing(overrides: Partial<PairingView> = {}): PairingView {
  return {
    id: 'dddddddddddddddddddddddd',
    term: 2026,
    status: 'confirmed',
    request: { id: 'eeeeeeeeeeeeeeeeeeeeeeee', title: '内饰件VOC超标', city: '220100', county: '220106' },
    enterprise: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: '宏远汽车零部件' },
    commissioner: { id: 'ffffffffffffffffffffffff', name: '张华' },
    score: 72.5,
    parts: [
      { part: 'text', fit: 0.8, points: 32, zh: '专长与问题共有：VOC', en: 'Shared terms: VOC' },
      { part: 'industry', fit: 1, points: 20, zh: '服务行业一致', en: 'Same industry' },
    ],
    commissionerAnswer: { accepted: true, reason: null, at: '2026-03-01T00:00:00.000Z' },
    enterpriseAnswer: null,
    confirmedAt: '2026-02-28T00:00:00.000Z',
    mayAnswer: 'enterprise',
    ...overrides,
  };
}

export function buildEntry(overrides: Partial<ServiceEntryView> = {}): ServiceEntryView {
  return {
    id: '111111111111111111111111', date: '2026-04-10', hours: 6, visit: true, problems: '分析VOC来源', outcomes: '确定增塑剂为主要来源',
    result: null, need: null, status: 'logged', reason: null, createdAt: '2026-04-10T08:00:00.000Z', attachments: [], ...overrides,
  };
}

export function buildService(overrides: Partial<PairingServiceView> = {}): PairingServiceView {
  return {
    pairing: 'dddddddddddddddddddddddd', term: 2026, title: '内饰件VOC超标', enterprise: '宏远汽车零部件', commissioner: '张华', sides: ['enterprise'],
    agreement: { status: 'confirmed', goals: '降低VOC', plannedVisits: 6, plannedHours: 40, startsOn: '2026-03-01', endsOn: '2026-11-30', confirmedAt: '2026-03-02T00:00:00.000Z' },
    entries: [], totals: { confirmedHours: 0, confirmedVisits: 0, entries: 0, disputed: 0, rating: null },
    ...overrides,
  };
}
