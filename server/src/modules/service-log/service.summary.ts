/**
 * The programme figures of a term for the administrators' dashboard: commissioners signed up
 * (approved), enterprises served, active pairings, confirmed service hours and mean rating, overall
 * and grouped by city, county and industry, beside the plan's target. A few indexed reads, aggregated
 * in memory (portable across FerretDB versions). Commissioners are grouped by their home city, the
 * first county they serve ('-' when they serve whole cities) and each industry they list; pairings,
 * hours and ratings by the city, county and industry of the request.
 */
import { SHUANGQIAN_TARGET, type ServiceSummaryRow, type ServiceSummaryView } from '@kezhuan/shared';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { PairingModel } from '../pairing/pairing.model';
import { approvedOfTermQuery } from '../pairing/pairing.queries';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { ServiceAgreementModel, ServiceEntryModel } from './service.model';
import { activePairingsQuery, confirmedOfTermQuery, termAgreementsQuery } from './service.queries';

class Group {
  commissioners = new Set<string>();
  enterprises = new Set<string>();
  active = 0;
  hours = 0;
  ratings: number[] = [];
  row(key: string): ServiceSummaryRow {
    const mean = this.ratings.length ? Math.round((this.ratings.reduce((s, r) => s + r, 0) / this.ratings.length) * 100) / 100 : null;
    return { key, commissioners: this.commissioners.size, enterprises: this.enterprises.size, activePairings: this.active, confirmedHours: this.hours, meanRating: mean };
  }
}

class Groups {
  private map = new Map<string, Group>();
  at(key: string): Group {
    let g = this.map.get(key);
    if (!g) {
      g = new Group();
      this.map.set(key, g);
    }
    return g;
  }
  rows(): ServiceSummaryRow[] {
    return [...this.map.entries()].map(([k, g]) => g.row(k)).sort((a, b) => a.key.localeCompare(b.key));
  }
}

export async function serviceSummary(term: number): Promise<ServiceSummaryView> {
  const [commissioners, pairings, entries, agreements] = await Promise.all([
    CommissionerModel.find(approvedOfTermQuery(term).filter, { cities: 1, counties: 1, industries: 1 }).lean(),
    PairingModel.find(activePairingsQuery(term).filter, { request: 1, org: 1 }).lean(),
    ServiceEntryModel.find(confirmedOfTermQuery(term).filter, { pairing: 1, hours: 1 }).lean(),
    ServiceAgreementModel.find(termAgreementsQuery(term).filter, { pairing: 1, rating: 1 }).lean(),
  ]);
  const requests = await ServiceRequestModel.find({ _id: { $in: pairings.map((p) => p.request) } }, { city: 1, county: 1, industry: 1 }).lean();
  const reqOf = new Map(requests.map((r) => [String(r._id), r]));
  const total = new Group();
  const byCity = new Groups();
  const byCounty = new Groups();
  const byIndustry = new Groups();
  for (const c of commissioners) {
    const id = String(c._id);
    total.commissioners.add(id);
    byCity.at(c.cities?.[0] ?? '-').commissioners.add(id);
    byCounty.at(c.counties?.[0] ?? '-').commissioners.add(id);
    for (const ind of c.industries ?? []) {
      byIndustry.at(ind).commissioners.add(id);
    }
  }
  /** The groups a pairing counts in: the total, its request's city, county and industry. */
  const where = new Map<string, Group[]>();
  for (const p of pairings) {
    const r = reqOf.get(String(p.request));
    const gs = [total, byCity.at(r?.city ?? '-'), byCounty.at(r?.county ?? '-'), byIndustry.at(r?.industry ?? '-')];
    where.set(String(p._id), gs);
    for (const g of gs) {
      g.active += 1;
      g.enterprises.add(String(p.org));
    }
  }
  for (const e of entries) {
    for (const g of where.get(String(e.pairing)) ?? []) {
      g.hours += e.hours;
    }
  }
  for (const a of agreements) {
    if (a.rating) {
      for (const g of where.get(String(a.pairing)) ?? []) {
        g.ratings.push(a.rating.score);
      }
    }
  }
  return {
    term,
    target: { ...SHUANGQIAN_TARGET },
    total: total.row('all'),
    byCity: byCity.rows(),
    byCounty: byCounty.rows(),
    byIndustry: byIndustry.rows(),
  };
}
