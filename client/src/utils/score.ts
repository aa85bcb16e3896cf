/** The colour of a 0–100 quality score: green from 80, amber from 50, red below. */
export function qualityColour(score: number): string {
  if (score >= 80) {
    return '#3a8f5c';
  }
  return score >= 50 ? '#d48a1c' : '#c45656';
}
