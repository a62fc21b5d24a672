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

/** Letters and digits a code never contains, as a visitor would mistype them (O for 0 …). */
const LOOK_ALIKES = "01ILO";

/** Why a typed text is not a code, in words that help fix it; null when it is well formed. */
export function codeProblem(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s\-－—_]/g, "");
  if (s === "") return "请输入查询码";
  const wrong = [...new Set(s)].filter((ch) => !CODE_ALPHABET.includes(ch));
  const lookAlikes = wrong.filter((ch) => LOOK_ALIKES.includes(ch));
  if (lookAlikes.length > 0) {
    return `查询码不会出现 0、1、I、L、O 这几个易混淆的字符，您输入了“${lookAlikes.join("”“")}”，请对照提交成功时显示的查询码重新输入`;
  }
  if (wrong.length > 0) return `查询码只由英文字母和数字组成，您输入了“${wrong.join("”“")}”，请检查后重新输入`;
  if (s.length !== CODE_LENGTH) return `查询码为 ${CODE_LENGTH} 位（不计短横线），您输入了 ${[...s].length} 位，请检查后重新输入`;
  return null;
}

/** ABCD-EFGH-JKMN: groups of four are easier to read back over the phone. */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}
