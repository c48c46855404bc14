/** Money is integer fen on the wire; the UI shows yuan in the reader's language. */
export function formatYuan(fen: number | null | undefined, lang: string): string {
  if (fen === null || fen === undefined) return '';
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'symbol',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

/** Yuan in units of ten thousand (万元), for charts and compact figures. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 100) / 10_000;
}
