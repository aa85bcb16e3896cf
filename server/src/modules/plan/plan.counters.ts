/**
 * Counters of plan targets from the platform's own records. A target whose `counter` names a
 * registered counter takes its value from it; otherwise from administrators' manual entries.
 *
 * Registered: the eight carrier registries (`carriers.<type>`: recognised, not revoked carriers by
 * city and year of recognition), and funded projects (`programme.*`: projects of the programme
 * type by the lead's city and the call's year; see README "Plan targets" for why approved science
 * commissioners are NOT counted as talents).
 */
import { CARRIER_TYPES } from '@kezhuan/shared';
import { countCarriers } from '../carriers/carrier.counts';
import { PROGRAMME_COUNTERS, countFundedProjects } from '../funded-projects/funded-project.counts';

/** One row of a counter: how many records in a city (null when unknown) and year. */
export interface TargetCount {
  city: string | null;
  year: number;
  count: number;
}
export type TargetCounter = () => Promise<TargetCount[]>;

const counters = new Map<string, TargetCounter>();

/** Registers (or replaces) the counter named `name`; plan targets whose `counter` is `name` use it. */
export function registerTargetCounter(name: string, fn: TargetCounter): void {
  counters.set(name, fn);
}

/** Removes a counter (tests; a registry withdrawn). */
export function unregisterTargetCounter(name: string): void {
  counters.delete(name);
}

export function targetCounter(name: string | null | undefined): TargetCounter | undefined {
  return name ? counters.get(name) : undefined;
}

/** The counters of records the platform holds; called once when the app is created. */
export function registerPlanCounters(): void {
  for (const type of CARRIER_TYPES) {
    registerTargetCounter(`carriers.${type}`, () => countCarriers({ type }));
  }
  for (const [name, type] of Object.entries(PROGRAMME_COUNTERS)) {
    registerTargetCounter(name, () => countFundedProjects(type));
  }
}
