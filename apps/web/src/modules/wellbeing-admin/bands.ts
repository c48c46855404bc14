/** One row of the band chart: a group's participants and how many fell in each band. */
export type BandShare = { name: string; participants: number; counts: Record<string, number> };

/** From calm to alarming: bands are listed from the lowest score (the mildest) up. */
const SCALE = ['#52c41a', '#a0d911', '#fadb14', '#fa8c16', '#f5222d', '#a8071a'];

/**
 * A colour per band, in band order: the first is green, the last red, and those between are
 * spread over the scale, so that two bands and five bands both read from mild to severe.
 */
export function bandColors(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [SCALE[0]];
  return Array.from({ length: count }, (_, i) => SCALE[Math.round((i * (SCALE.length - 1)) / (count - 1))]);
}

/** A share as a percentage with at most one decimal, or null when the whole is zero. */
export function percentOf(part: number, whole: number, lang: string): string | null {
  if (!whole) return null;
  const value = Math.round((part / whole) * 1000) / 10;
  return `${value.toLocaleString(lang, { maximumFractionDigits: 1 })}%`;
}
