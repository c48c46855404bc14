/**
 * The names of a zip archive's entries, read from its central directory (the index at the end
 * of the file), or undefined when the bytes are not a well-formed zip. The content sniffer
 * (file-type) reads the entries from the front, in the order they were written, and gives up
 * on an Office file whose large parts come before `[Content_Types].xml` — the order of
 * streaming writers such as ExcelJS's WorkbookWriter — answering `application/zip`; the
 * central directory lists every entry whatever the order. Only lengths and names are read:
 * nothing is decompressed.
 */
export function zipEntryNames(bytes: Buffer): string[] | undefined {
  const eocd = endOfCentralDirectory(bytes);
  if (eocd === undefined) return undefined;
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) return undefined;
    const at = Number(bytes.readBigUInt64LE(locator + 8));
    if (!Number.isSafeInteger(at) || at + 56 > bytes.length || bytes.readUInt32LE(at) !== 0x06064b50)
      return undefined;
    count = Number(bytes.readBigUInt64LE(at + 32));
    size = Number(bytes.readBigUInt64LE(at + 40));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset + size > bytes.length)
    return undefined;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > offset + size) return undefined;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The offset of the end-of-central-directory record (searched back over a comment of ≤ 64 KB). */
function endOfCentralDirectory(bytes: Buffer): number | undefined {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    if (bytes[at] === 0x50 && bytes.readUInt32LE(at) === 0x06054b50) {
      // The comment length must reach exactly to the end of the file.
      if (at + 22 + bytes.readUInt16LE(at + 20) === bytes.length) return at;
    }
  }
  return undefined;
}

/** Office Open XML documents by the main part their package must hold beside `[Content_Types].xml`. */
const OFFICE_MAIN_PARTS: [string, string][] = [
  ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

/**
 * The Office type of a zip whose entries include `[Content_Types].xml` and the main part of a
 * workbook, document or presentation, in any order; undefined for any other zip.
 */
export function officeTypeOfZip(bytes: Buffer): string | undefined {
  const names = zipEntryNames(bytes);
  if (!names) return undefined;
  const entries = new Set(names.map((n) => n.replace(/^\/+/, '').toLowerCase()));
  if (!entries.has('[content_types].xml')) return undefined;
  return OFFICE_MAIN_PARTS.find(([part]) => entries.has(part))?.[1];
}
