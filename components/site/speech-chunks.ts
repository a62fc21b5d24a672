/**
 * Chrome stops an utterance after roughly 15 seconds of speech, so long texts
 * are spoken as a queue of short pieces. Pieces end at sentence punctuation
 * where possible (a natural pause), then at a comma, and only as a last
 * resort in the middle of a run of characters.
 */
export const MAX_CHUNK = 120;

const SENTENCE_END = /[。！？；!?;…]+[”’」』）)]*/g;
const SOFT_BREAK = /[，、：,:]+[”’」』）)]*/g;

function splitAfter(text: string, pattern: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of text.matchAll(pattern)) {
    const end = m.index + m[0].length;
    parts.push(text.slice(start, end));
    start = end;
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== "");
}

function hardSplit(piece: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < piece.length; i += max) out.push(piece.slice(i, i + max));
  return out;
}

/** Packs whole pieces into chunks of at most `max` characters. */
function pack(pieces: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const piece of pieces) {
    if (current && current.length + piece.length > max) {
      chunks.push(current);
      current = "";
    }
    current += piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

export function speechChunks(text: string, max = MAX_CHUNK): string[] {
  const chunks: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    const clean = paragraph.replace(/\s+/g, " ").trim();
    if (!clean) continue;
    const pieces = splitAfter(clean, SENTENCE_END).flatMap((sentence) =>
      sentence.length <= max ? [sentence] : splitAfter(sentence, SOFT_BREAK).flatMap((p) => (p.length <= max ? [p] : hardSplit(p, max))),
    );
    chunks.push(...pack(pieces, max).map((c) => c.trim()).filter(Boolean));
  }
  return chunks;
}
