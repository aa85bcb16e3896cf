/**
 * The confidential-disclosure step of a deal room. The technology provider (any approved member of
 * the supply organisation) requires an NDA, with the default bilingual text or its own, edits it or
 * lifts it (not while confidential files are in the room). Each participant accepts it in person:
 * an acceptance is one person's, of one version of the text, recorded with his organisation, party,
 * time, IP and the text's SHA-256; a new text is a new version that everyone accepts again.
 * Per person rather than per organisation because the obligation binds whoever reads the files,
 * and a colleague's click should not open them to someone who never saw the terms.
 */
import { createHash } from 'node:crypto';
import { DEAL_CLOSED_STAGES, DEFAULT_DEAL_NDA_TEXT, type DealNdaAcceptInput, type DealNdaInput, type DealNdaView, type DealParty } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { DealFileModel, DealNdaAcceptanceModel, DealNdaModel, type DealNdaAcceptanceRecord, type DealNdaRecord } from './deal.files.model';
import { publishDealUpdate } from './deal.events';
import type { DealRoomRecord } from './deal.model';
import { tellDealParties } from './deal.notify';
import { loadDealRoom, partyOrgs, type DealUser } from './deal.policy';
import { loadDealNames } from './deal.presenter';

export const ndaHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const isClosed = (room: Pick<DealRoomRecord, 'stage'>): boolean => DEAL_CLOSED_STAGES.includes(room.stage);

export function currentNda(room: Types.ObjectId): Promise<DealNdaRecord | null> {
  return DealNdaModel.findOne({ room }).lean<DealNdaRecord>();
}

/** Has `user` accepted the version of the NDA in force? */
export async function acceptedCurrent(room: Types.ObjectId, nda: DealNdaRecord | null, user: Types.ObjectId): Promise<boolean> {
  return !!nda && !!(await DealNdaAcceptanceModel.exists({ room, version: nda.version, user }));
}

/** The room's NDA as the caller sees it. */
export async function presentNda(room: DealRoomRecord, nda: DealNdaRecord | null, user: DealUser, party: DealParty | null): Promise<DealNdaView> {
  const accepted = nda ? await DealNdaAcceptanceModel.find({ room: room._id, version: nda.version }).sort({ at: 1 }).lean<DealNdaAcceptanceRecord[]>() : [];
  const names = await loadDealNames(accepted.map((a) => a.org), [nda?.setBy ?? null, ...accepted.map((a) => a.user)]);
  const text = nda?.text ?? DEFAULT_DEAL_NDA_TEXT;
  return {
    required: nda?.required ?? false,
    text,
    version: nda?.version ?? 0,
    hash: nda?.hash ?? ndaHash(text),
    setBy: nda ? { id: String(nda.setBy), name: names.user.get(String(nda.setBy)) ?? '' } : null,
    setAt: nda?.setAt.toISOString() ?? null,
    canManage: party === 'supply' && !isClosed(room),
    acceptedByMe: accepted.some((a) => String(a.user) === String(user._id)),
    acceptances: accepted.map((a) => ({
      user: { id: String(a.user), name: names.user.get(String(a.user)) ?? '' },
      org: { id: String(a.org), name: names.org.get(String(a.org)) ?? '' },
      party: a.party,
      at: a.at.toISOString(),
    })),
  };
}

const refuse = (message: string, messageEn: string) => createError('INVALID_STATE', { message, messageEn });

/** The provider requires (with a text; the current or default one when left out), edits or lifts the NDA. */
export async function setNda(user: DealUser, id: string, input: DealNdaInput, ip: string): Promise<DealNdaView> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  if (party !== 'supply') {
    throw createError('FORBIDDEN', { message: '只有技术供给方可以设置保密协议', messageEn: 'Only the technology provider sets the NDA' });
  }
  if (isClosed(room)) {
    throw refuse('洽谈已结束，不能再修改保密协议', 'The deal is closed; the NDA can no longer be changed');
  }
  const before = await currentNda(room._id);
  if (!input.required && (await DealFileModel.exists({ room: room._id, confidential: true }))) {
    throw refuse('洽谈室中仍有保密文件，不能取消保密协议；请先删除这些文件', 'Confidential files are in the room; remove them before lifting the NDA');
  }
  const text = input.text ?? before?.text ?? DEFAULT_DEAL_NDA_TEXT;
  const hash = ndaHash(text);
  const version = !before ? 1 : before.hash === hash ? before.version : before.version + 1;
  const nda = await DealNdaModel.findOneAndUpdate(
    { room: room._id },
    { $set: { required: input.required, text, hash, version, setBy: user._id, setAt: new Date() } },
    { upsert: true, returnDocument: 'after' },
  ).lean<DealNdaRecord>();
  await audit({ action: 'deal.nda_set', actor: user._id, target: { kind: 'deal', id: String(room._id) }, detail: { required: input.required, version, hash }, ip });
  if (input.required && (!before?.required || before.version !== version)) {
    await tellDealParties(room, party, 'deal.files', `nda:${version}`, {
      title: `「${room.listing.title}」洽谈室要求签署保密协议`,
      titleEn: `The deal room “${room.listing.title}” asks you to accept an NDA`,
      body: '阅读并接受保密协议后，可查看技术供给方标注为保密的文件。',
      bodyEn: 'Read and accept the NDA to open the files marked confidential.',
    });
  }
  publishDealUpdate(String(room._id), 'nda');
  return presentNda(room, nda, user, party);
}

/** A participant accepts the version he read; accepting it again changes nothing. */
export async function acceptNda(user: DealUser, id: string, input: DealNdaAcceptInput, ip: string): Promise<DealNdaView> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  if (!party) {
    throw createError('FORBIDDEN');
  }
  const nda = await currentNda(room._id);
  if (!nda?.required) {
    throw refuse('本洽谈室未要求签署保密协议', 'This deal room does not require an NDA');
  }
  if (nda.version !== input.version) {
    throw refuse('保密协议文本已更新，请重新阅读后再接受', 'The NDA text has changed; read it again before accepting');
  }
  const org = partyOrgs(room).find(([p]) => p === party)![1];
  const at = new Date();
  const res = await DealNdaAcceptanceModel.updateOne(
    { room: room._id, version: nda.version, user: user._id },
    { $setOnInsert: { org, party, hash: nda.hash, ip, at } },
    { upsert: true },
  ).catch((err: unknown) => {
    // Two clicks racing: the other one stored it.
    if ((err as { code?: number }).code === 11000) {
      return { upsertedCount: 0 };
    }
    throw err;
  });
  if (res.upsertedCount > 0) {
    await audit({ action: 'deal.nda_accept', actor: user._id, target: { kind: 'deal', id: String(room._id) }, detail: { version: nda.version, hash: nda.hash, org: String(org), party }, ip });
    publishDealUpdate(String(room._id), 'nda');
  }
  return presentNda(room, nda, user, party);
}
