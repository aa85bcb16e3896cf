import { DEFAULT_DEAL_NDA_TEXT, type DealDetailView, type DealFilesView, type DealFileView, type DealNdaView } from '@kezhuan/shared';

export const DEAL_ID = 'dddddddddddddddddddddddd';

/** A room in negotiation seen by the enterprise (tests and the look-at page). */
export function buildDeal(overrides: Partial<DealDetailView> = {}): DealDetailView {
  return {
    id: DEAL_ID, stage: 'negotiation', origin: 'interest',
    listing: { kind: 'result', id: 'bbbbbbbbbbbbbbbbbbbbbbbb', title: '玉米秸秆高值化利用技术' },
    parties: [
      { party: 'supply', org: { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: '吉林大学' } },
      { party: 'demand', org: { id: 'cccccccccccccccccccccccc', name: '长春宏远生物科技有限公司' } },
    ],
    myParty: 'demand', unread: 0, lastMessageAt: null, createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-02T08:00:00.000Z',
    via: null, proposal: null, moves: [], history: [], reads: [],
    ...overrides,
  };
}

export function buildNda(overrides: Partial<DealNdaView> = {}): DealNdaView {
  return {
    required: false, text: DEFAULT_DEAL_NDA_TEXT, version: 0, hash: 'f'.repeat(64), setBy: null, setAt: null,
    canManage: false, acceptedByMe: false, acceptances: [], ...overrides,
  };
}

let seq = 0;
export function buildFile(overrides: Partial<DealFileView> = {}): DealFileView {
  seq += 1;
  return {
    id: seq.toString(16).padStart(24, 'e'), name: `技术说明${seq}.pdf`, note: null, size: 245_760, mime: 'application/pdf',
    confidential: false, party: 'supply', uploadedBy: { id: 'a'.repeat(24), name: '王教授' }, uploadedAt: '2026-11-02T09:30:00.000Z',
    visible: true, canRemove: false, ...overrides,
  };
}

export function buildFiles(overrides: Partial<DealFilesView> = {}): DealFilesView {
  return { items: [], nda: buildNda(), canUpload: true, limits: { maxBytes: 10 * 1024 * 1024, perRoom: 50 }, ...overrides };
}
