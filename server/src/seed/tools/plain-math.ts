/**
 * ChinaXiv titles and abstracts carry LaTeX from PDF extraction (`$\mathbf { C O } _ { 2 }$`).
 * Listings are plain text, so each `$…$` span becomes what a reader would type: CO₂, 15～42,
 * B_y → Bᵧ where Unicode has the sub/superscript, else the plain characters.
 */
const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ',
  Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};
const SYMBOLS: Record<string, string> = {
  sim: '～', times: '×', cdot: '·', pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', approx: '≈',
  circ: '°', degree: '°', infty: '∞', rightarrow: '→', to: '→', leftarrow: '←', prime: '′', '%': '%',
  ',': '', ';': ' ', quad: ' ', qquad: ' ', '!': '', ' ': ' ',
};
const SUB: Record<string, string> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎' };
const SUP: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾' };

/** `x` as sub/superscript characters when every character has one, else `_x` / `^x` kept readable. */
function script(x: string, table: Record<string, string>, mark: string): string {
  const chars = [...x];
  return chars.every((c) => table[c] !== undefined) ? chars.map((c) => table[c]).join('') : `${mark}${x}`;
}

/** One `$…$` span's content as plain text. */
export function plainMathSpan(tex: string): string {
  let s = tex
    // Font and style commands keep their argument: \mathbf { C O } → C O.
    .replace(/\\(?:mathbf|mathrm|mathit|mathsf|mathtt|mathscr|mathcal|boldsymbol|pmb|bf|rm|it|text|textbf|operatorname)\s*/g, '')
    .replace(/\\([A-Za-z]+|[,;! %])/g, (m, name: string) => GREEK[name] ?? SYMBOLS[name] ?? '')
    .replace(/~/g, ' ');
  // Innermost braces first, so `_ { { 2 } }` and nested groups resolve.
  for (let guard = 0; guard < 10 && /[{}]/.test(s); guard++) {
    s = s
      .replace(/([_^])\s*\{([^{}]*)\}/g, (_m, op: string, body: string) => `${op}${body.replace(/\s+/g, '')}\uE000`)
      .replace(/\{([^{}]*)\}/g, '$1');
  }
  s = s
    .replace(/_([^\s\uE000_^]+)\uE000?/g, (_m, body: string) => script(body, SUB, '_'))
    .replace(/\^([^\s\uE000_^]+)\uE000?/g, (_m, body: string) => script(body, SUP, '^'))
    .replace(/[\uE000{}]/g, '');
  // Extraction spaced every glyph: `C O ₂` → `CO₂`, `1 5 ～ 4 2` → `15～42`; spaces between words of letters stay.
  return s.replace(/(?<=[^\sA-Za-z]|\b[A-Za-z]\b)\s+(?=[^\sA-Za-z]|[A-Za-z]\b)/g, '').replace(/\s{2,}/g, ' ').trim();
}

const CJK = /[\p{Script=Han}，。；：、（）]/u;

/** Text with every `$…$` span made plain; a lone `$` stays. Spaces between a span and Chinese go. */
export function plainMath(text: string): string {
  return text.replace(/(\s*)\$([^$]{1,400})\$(\s*)/g, (_m, lead: string, tex: string, trail: string, at: number, all: string) => {
    const before = all[at - 1];
    const after = all[at + _m.length];
    const keep = (space: string, outside: string | undefined) => (space && outside !== undefined && !CJK.test(outside) ? ' ' : '');
    return `${keep(lead, before)}${plainMathSpan(tex)}${keep(trail, after)}`;
  });
}
