/**
 * Counters of plan targets from the platform's own records. A target whose `counter` names a
 * registered counter takes its value from it; otherwise from administrators' manual entries.
 *
 * Registered today: none of the 2011–2015 plan's targets — the platform holds no registry of
 * alliances, bases, centres, incubators, laboratories, workstations, innovative enterprises or
 * talents yet, nor funded projects (see README "Plan targets" for why approved science
 * commissioners are NOT counted as talents). When they land, registering is one line each, e.g.
 *
 *   registerTargetCounter('carriers.alliance', () => countCarriers({ type: 'alliance' }));
 *   registerTargetCounter('programme.key_transformation', () => countFundedProjects({ programme: 'key_transformation' }));
 *
 * in `registerPlanCounters` below; the plan's targets already name those counters.
 */

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
  // Carrier registries (#16) and funded projects (#15 calls) register here when merged.
}
