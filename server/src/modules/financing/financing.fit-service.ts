import type { FinancingFitQuery, FinancingFitView } from '@kezhuan/shared';
import type { Request } from 'express';
import type { ListingActor } from '../listings/listing.policy';
import { isProviderMember, productPageQuery } from './financing.catalogue';
import { fitProducts } from './financing.fit';
import { FinancingProductModel, type FinancingProductRecord } from './financing.model';
import { presentProduct, providers } from './financing.presenter';
import { loadSubject } from './financing.subjects';

/** The active products that fit the subject (or miss one condition), with reasons; 404 when the caller may not see it. */
export async function financingFit(actor: ListingActor | null, q: FinancingFitQuery, req: Request): Promise<FinancingFitView> {
  const subject = await loadSubject(q.subject, q.id, actor, req);
  // The catalogue is small (hundreds of products at most); scoring reads the active ones through {status, kind, updatedAt}.
  const { filter, sort } = productPageQuery({});
  const products = await FinancingProductModel.find(filter).sort(sort).limit(500).lean<FinancingProductRecord[]>();
  const outcomes = fitProducts(products, subject.facts);
  const orgs = await providers(outcomes.map((o) => o.product.org));
  return {
    subject: q.subject,
    items: outcomes.map((o) => ({ product: presentProduct(o.product, orgs, isProviderMember(actor, o.product.org)), fits: o.fits, score: o.score, reasons: o.reasons, unmet: o.unmet })),
  };
}
