/** 关键词 as editors type them: any of the separators below, duplicates dropped. */
export function splitKeywords(value: string): string[] {
  return [...new Set(value.split(/[,，、;；\s]+/).map((k) => k.trim()).filter(Boolean))];
}

export const MAX_ARTICLE_KEYWORDS = 10;
export const MAX_KEYWORD_CHARS = 20;
