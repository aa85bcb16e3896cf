/**
 * What the ChinaXiv papers become as listings, shared by the demo builder and the search
 * evaluation: CLC class → GB/T 13745 discipline and GB/T 4754 industry, and the deterministic
 * "random" numbers that give each paper its demo maturity, price and so on.
 */
import { createHash } from 'node:crypto';

/** CLC class prefix → discipline and industry; the longest prefix wins (see `clcClass`). */
const CLC_CLASSES: readonly (readonly [prefix: string, discipline: string, industry: string])[] = [
  ['TP', '520', 'I'], ['TN', '510', 'C39'], ['TM', '470', 'C38'], ['TK', '480', 'D'], ['TL', '490', 'D'],
  // 石油、天然气工业: GB/T 13745 puts oil and gas field engineering under 440 矿山工程技术.
  ['TH', '460', 'C34'], ['TG', '450', 'C33'], ['TF', '450', 'C31'], ['TE', '440', 'B'], ['TD', '440', 'B'],
  ['TB', '430', 'M'], ['TQ', '530', 'C26'], ['TS', '550', 'C14'], ['TU', '560', 'E'], ['TV', '570', 'N'], ['T', '410', 'M'],
  ['S7', '220', 'A'], ['S8', '230', 'A'], ['S9', '240', 'A'], ['S', '210', 'A'],
  ['Q', '180', 'M'], ['P1', '160', 'M'], ['P', '170', 'M'], ['X', '610', 'N'], ['V', '590', 'C37'], ['U', '580', 'G'],
  ['R2', '360', 'C27'], ['R9', '350', 'C27'], ['R', '320', 'Q'],
  ['O1', '110', 'M'], ['O3', '130', 'M'], ['O4', '140', 'M'], ['O6', '150', 'C26'], ['O', '150', 'M'], ['N', '416', 'M'],
  ['B8', '190', 'M'], ['B', '720', 'P'], ['C93', '630', 'L'], ['C', '840', 'S'], ['D9', '820', 'S'], ['D', '810', 'S'],
  ['E', '830', 'S'], ['F', '790', 'L'], ['G2', '870', 'R'], ['G3', '630', 'M'], ['G4', '880', 'P'], ['G8', '890', 'R'],
  ['G', '880', 'P'], ['H', '740', 'P'], ['K', '770', 'R'], ['A', '710', 'S'],
];

/** The discipline and industry of a CLC class code (TP391 → 520, I), or undefined for none or an unknown one. */
export function clcClass(code: string | null | undefined): { discipline: string; industry: string } | undefined {
  const clc = (code ?? '').toUpperCase();
  let best: (typeof CLC_CLASSES)[number] | undefined;
  for (const c of CLC_CLASSES) {
    if (clc.startsWith(c[0]) && (!best || c[0].length > best[0].length)) {
      best = c;
    }
  }
  return best && { discipline: best[1], industry: best[2] };
}

/** A deterministic number in [0, 1) for a paper (or any key) and a purpose. */
export function seeded(id: string, purpose: string): number {
  return createHash('sha256').update(`${id}:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}
