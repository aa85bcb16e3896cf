/**
 * Files in deal rooms and the confidential-disclosure step (issue 14). Participants upload PDF,
 * DOCX, XLSX, PNG or JPG files (checked by content) into a room, optionally marked confidential.
 * The technology provider (supply side) can require a non-disclosure agreement (NDA): while it is
 * required, a confidential file is open to the organisation that uploaded it and to each person who
 * has accepted the current NDA text; everyone else sees that a confidential file exists (type, size,
 * who, when) but neither its name nor its note, and cannot download it.
 */
import { z } from 'zod';
import { inputString, objectId } from './common';
import { DEAL_PARTY_CODES } from './deal';
import { attachmentName } from './listing';

/** Per room and per file; the body limit is the attachment store's (10 MB). */
export const DEAL_FILE_LIMITS = { maxBytes: 10 * 1024 * 1024, perRoom: 50, noteMax: 500, ndaTextMax: 20_000 } as const;

/**
 * The upload's fields travel in the query string (the body is the file): its name, an optional
 * note, whether it is confidential, and an optional batch id (files picked together notify the
 * other parties once).
 */
export const dealFileUploadQuery = z.strictObject({
  name: attachmentName,
  note: inputString().trim().max(DEAL_FILE_LIMITS.noteMax).optional(),
  confidential: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  batch: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'kz.deal_client_id' }).optional(),
});
export type DealFileUploadQuery = z.infer<typeof dealFileUploadQuery>;

export const dealFileParams = z.strictObject({ id: objectId, fileId: objectId });

const person = z.object({ id: objectId, name: z.string() });
const orgRef = z.object({ id: objectId, name: z.string() });

/** A file as one participant sees it; download at /api/deals/:id/files/:fileId when `visible`. */
export const dealFileView = z.object({
  id: objectId,
  /** Null for a confidential file the caller may not open yet (the name can itself disclose). */
  name: z.string().nullable(),
  note: z.string().nullable(),
  size: z.number().int(),
  mime: z.string(),
  confidential: z.boolean(),
  party: z.enum(DEAL_PARTY_CODES).nullable(),
  uploadedBy: person,
  uploadedAt: z.string(),
  /** May the caller download it (false: confidential and the NDA is not accepted by him). */
  visible: z.boolean(),
  /** The caller uploaded it and the room is open: he may remove it. */
  canRemove: z.boolean(),
});
export type DealFileView = z.infer<typeof dealFileView>;

/** The room's NDA and the caller's standing towards it. */
export const dealNdaView = z.object({
  required: z.boolean(),
  /** The current text (the default bilingual text until the provider edits it). */
  text: z.string(),
  /** Goes up by one whenever the text changes; acceptances are of one version. */
  version: z.number().int(),
  /** SHA-256 of the text, hex: what an acceptance records. */
  hash: z.string(),
  setBy: person.nullable(),
  setAt: z.string().nullable(),
  /** The caller (supply side, room open) may require, edit or lift the NDA. */
  canManage: z.boolean(),
  /** The caller has accepted the current version. */
  acceptedByMe: z.boolean(),
  /** Who accepted the current version. */
  acceptances: z.array(z.object({ user: person, org: orgRef, party: z.enum(DEAL_PARTY_CODES), at: z.string() })),
});
export type DealNdaView = z.infer<typeof dealNdaView>;

/** A room's files (newest first) with its NDA, and what the caller may do. */
export const dealFilesView = z.object({
  items: z.array(dealFileView),
  nda: dealNdaView,
  /** A participant in an open room below the file limit. */
  canUpload: z.boolean(),
  limits: z.object({ maxBytes: z.number().int(), perRoom: z.number().int() }),
});
export type DealFilesView = z.infer<typeof dealFilesView>;

/** The provider requires (with its text, the default when left out) or lifts the NDA. */
export const dealNdaInput = z.strictObject({
  required: z.boolean(),
  text: inputString().trim().min(20).max(DEAL_FILE_LIMITS.ndaTextMax).optional(),
});
export type DealNdaInput = z.infer<typeof dealNdaInput>;

/** Accepting names the version read, so a text changed meanwhile is not accepted unseen. */
export const dealNdaAcceptInput = z.strictObject({ version: z.number().int().min(1) });
export type DealNdaAcceptInput = z.infer<typeof dealNdaAcceptInput>;

/** The NDA text a room starts from: mutual, in Chinese and English. */
export const DEFAULT_DEAL_NDA_TEXT = `保密协议

一、本协议适用于本洽谈室中标注为“保密”的全部文件及其内容（以下称“保密信息”）。
二、接受方仅可为评估、洽谈和履行本项技术合作之目的使用保密信息，不得向本洽谈室参与方以外的任何第三方披露，不得用于申请专利或其他知识产权。
三、接受方应以不低于保护自身同类信息的谨慎程度保护保密信息，仅向确有必要知悉的本单位人员披露，并使其承担同等保密义务。
四、已公开的信息、接受方在披露前已合法掌握的信息、从有权披露的第三方合法获得的信息，不属于保密信息。
五、洽谈终止或披露方要求时，接受方应删除或销毁保密信息及其副本。
六、保密义务自接受本协议之日起三年内有效。本协议为双向协议，对洽谈室各方同等适用。
七、本协议适用中华人民共和国法律。

Non-Disclosure Agreement

1. This agreement covers every file marked confidential in this deal room and its content ("Confidential Information").
2. The receiving party uses Confidential Information only to evaluate, negotiate and perform this technology deal, discloses it to no third party outside this room's participants and does not use it to apply for patents or other intellectual property.
3. The receiving party protects Confidential Information with at least the care it gives its own information of the kind and discloses it only to its own people who need to know it and are bound by the same obligations.
4. Information that is public, that the receiving party lawfully held before disclosure or lawfully obtains from a third party entitled to disclose it is not Confidential Information.
5. When the deal ends or the disclosing party asks, the receiving party deletes or destroys Confidential Information and its copies.
6. These obligations last three years from acceptance. The agreement is mutual and binds every party of the room alike.
7. This agreement is governed by the laws of the People's Republic of China.`;
