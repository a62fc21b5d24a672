/**
 * 查询码 format: 12 characters from 31 letters and digits without the
 * look-alikes (0/O, 1/I/L), about 59 bits: not guessable, easy to read
 * aloud and copy. No Node imports: the success panel formats it in the browser.
 */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 12;

/** What a visitor types or pastes → the stored form (upper case, spaces and dashes dropped); null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s\-－—_]/g, "");
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** ABCD-EFGH-JKMN: groups of four are easier to read back over the phone. */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}
