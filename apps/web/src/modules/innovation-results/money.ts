/**
 * Money is integer fen on the wire; the UI shows yuan with the plain yuan sign in both languages
 * (as the innovation module does), grouped in the reader's language.
 */
export function formatYuan(fen: number | null | undefined, lang: string): string {
  if (fen === null || fen === undefined) return '';
  return `¥${(fen / 100).toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
}

/** Yuan in units of ten thousand (万元), for charts and compact figures. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 100) / 10_000;
}
