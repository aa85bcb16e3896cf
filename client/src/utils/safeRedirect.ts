/** A same-site path to go back to after sign-in, or null (never `//evil.example` or a full URL). */
export function safeRedirect(value: unknown): string | null {
  const v = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) {
    return null;
  }
  return v;
}
