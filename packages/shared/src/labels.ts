/** A code list with labels in both languages, as the enums of every module are written. */
export type TLabelled = readonly { code: string; zh: string; en: string }[];

/** The codes of a labelled list as a non-empty tuple, for `z.enum`. */
export const codesOf = <T extends readonly { code: string }[]>(list: T) =>
  list.map((x) => x.code) as unknown as [T[number]['code'], ...T[number]['code'][]];
