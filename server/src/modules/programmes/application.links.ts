/**
 * Links of an application checked against the platform: partner organisations must exist (and not be
 * the lead); linked results and needs must exist, be published, and belong to the lead or a partner.
 */
import type { ApplicationInput, FieldError } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';

const fieldError = (path: string, message: string, messageEn: string): FieldError => ({ path: `body.${path}`, code: 'custom', message, messageEn });

export async function checkLinks(lead: Types.ObjectId, input: Pick<ApplicationInput, 'results' | 'needs' | 'partners'>): Promise<void> {
  const fields: FieldError[] = [];
  if (input.partners.includes(String(lead))) {
    fields.push(fieldError('partners', '合作单位不能是申报单位本身', 'A partner cannot be the lead organisation'));
  }
  const partners = input.partners.length ? await OrgModel.find({ _id: { $in: input.partners } }, { _id: 1 }).lean() : [];
  if (partners.length !== input.partners.length) {
    fields.push(fieldError('partners', '合作单位须为平台上已有的机构', 'Partners must be organisations on the platform'));
  }
  const owners = new Set([String(lead), ...input.partners]);
  const [results, needs] = await Promise.all([
    input.results.length ? ResearchResultModel.find({ _id: { $in: input.results } }, { org: 1, status: 1 }).lean() : [],
    input.needs.length ? TechNeedModel.find({ _id: { $in: input.needs } }, { org: 1, status: 1 }).lean() : [],
  ]);
  const bad = (docs: { org: Types.ObjectId; status: string }[], n: number) =>
    docs.length !== n || docs.some((d) => d.status !== 'published' || !owners.has(String(d.org)));
  if (bad(results, input.results.length)) {
    fields.push(fieldError('results', '关联的科技成果须已发布，且属于申报单位或合作单位', 'Linked results must be published and belong to the lead or a partner organisation'));
  }
  if (bad(needs, input.needs.length)) {
    fields.push(fieldError('needs', '关联的技术需求须已发布，且属于申报单位或合作单位', 'Linked needs must be published and belong to the lead or a partner organisation'));
  }
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
}
