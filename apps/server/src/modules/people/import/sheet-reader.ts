import JSZip from 'jszip';

/**
 * A cell as ExcelJS's loaded workbook gives it (so that `cellText` reads both the same way):
 * text, a number, a boolean, or a Date for a number in a date format; null when empty. Rich
 * text arrives joined, a formula as its cached result, an error as its code (`#N/A`).
 */
export type CellValue = string | number | boolean | Date | null;
/** One row of the sheet: its number and its cells by column number (1 = A). */
export type SheetRow = { rowNo: number; cells: CellValue[] };

/**
 * Reads the rows of the first worksheet of an .xlsx file, in order, without building a
 * workbook: the zip is opened with JSZip (as ExcelJS does) and the sheet's XML is scanned once
 * as bytes. It follows `workbook.xlsx.load` (the first sheet in the workbook's order, shared
 * strings without phonetic guides, numbers in date formats as dates, the 1904 date system,
 * formulas as their cached results), minus the object model, which cost most of the time and
 * memory of reading a large roster. ExcelJS's streaming reader is not used: it loses zip
 * entries now and then under load.
 *
 * Merged cells behave as in ExcelJS: every cell of a merged range shows the value of its
 * top-left cell, including rows that exist only inside the range.
 *
 * Returns undefined when the workbook has no worksheet.
 */
export async function openFirstSheet(bytes: Buffer): Promise<Iterable<SheetRow> | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, JSZip.JSZipObject>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name.replace(/^\/+/, '').toLowerCase(), entry);
  }
  const has = (path: string) => parts.has(path.toLowerCase());
  const read = async (path: string): Promise<Buffer | undefined> => {
    const entry = parts.get(path.toLowerCase());
    return entry ? utf8(await entry.async('nodebuffer')) : undefined;
  };

  const rootRels = relationships(await read('_rels/.rels'), '');
  const workbookPath =
    rootRels.find((r) => r.type.endsWith('/officeDocument') && has(r.target))?.target ?? 'xl/workbook.xml';
  const workbook = await read(workbookPath);
  if (!workbook) throw new Error(`The file has no workbook part (${workbookPath})`);
  const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = relationships(await read(`${base}_rels/${workbookPath.slice(base.length)}.rels`), base);
  const partOf = (type: string, fallback: string) =>
    rels.find((r) => r.type.endsWith(type) && has(r.target))?.target ?? fallback;

  // The first sheet in the workbook's order that is a worksheet (chart sheets are skipped).
  let sheetPath: string | undefined;
  let date1904 = false;
  const x = new XmlScanner(workbook);
  for (let token = x.next(); token !== END; token = x.next()) {
    if (token !== ELEMENT || x.closing) continue;
    if (x.is('workbookPr')) date1904 = ['1', 'true'].includes(x.attr('date1904') ?? '');
    if (x.is('sheet') && !sheetPath) {
      const rel = rels.find((r) => r.id === x.attr('id', true));
      if (rel?.type.endsWith('/worksheet') && has(rel.target)) sheetPath = rel.target;
    }
  }
  if (!sheetPath) return undefined;
  const strings = sharedStrings(await read(partOf('/sharedStrings', `${base}sharedStrings.xml`)));
  const dateStyles = dateStyleIds(await read(partOf('/styles', `${base}styles.xml`)));
  const sheet = (await read(sheetPath)) ?? Buffer.alloc(0);
  return sheetRows(sheet, strings, dateStyles, date1904);
}

/** XML parts are UTF-8 in practice; UTF-16 (with its byte-order mark) is converted. */
function utf8(bytes: Buffer): Buffer {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(new TextDecoder('utf-16le').decode(bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(new TextDecoder('utf-16be').decode(bytes));
  return bytes;
}

type Rel = { id: string; type: string; target: string };

/** The relationships of a part, with targets resolved to paths inside the zip. */
function relationships(xml: Buffer | undefined, base: string): Rel[] {
  const out: Rel[] = [];
  if (!xml) return out;
  const x = new XmlScanner(xml);
  for (let token = x.next(); token !== END; token = x.next()) {
    if (token !== ELEMENT || x.closing || !x.is('Relationship')) continue;
    if (x.attr('TargetMode') === 'External') continue;
    out.push({
      id: x.attr('Id') ?? '',
      type: x.attr('Type') ?? '',
      target: resolvePath(base, (x.attr('Target') ?? '').trim()),
    });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The shared strings table: plain or rich text joined, phonetic guides (rPh) left out. */
function sharedStrings(xml: Buffer | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const x = new XmlScanner(xml);
  let text = '';
  let inText = false;
  let phonetic = 0;
  for (let token = x.next(); token !== END; token = x.next()) {
    if (token === TEXT || token === CDATA) {
      if (inText) text += decodeEscapes(x.text(token === TEXT));
      continue;
    }
    if (x.is('t')) inText = !x.closing && !x.selfClosing && !phonetic;
    else if (x.is('si')) {
      if (x.closing || x.selfClosing) out.push(x.selfClosing ? '' : text);
      else text = '';
    } else if (x.is('rPh') && !x.selfClosing) phonetic += x.closing ? -1 : 1;
  }
  return out;
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK ones).
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A format code is a date format when it has date or time letters outside quotes and [] (as ExcelJS). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The indexes of the cell formats (cellXfs) whose number format shows a date. */
function dateStyleIds(xml: Buffer | undefined): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  const x = new XmlScanner(xml);
  for (let token = x.next(); token !== END; token = x.next()) {
    if (token !== ELEMENT) continue;
    if (x.is('numFmt') && !x.closing) custom.set(Number(x.attr('numFmtId')), x.attr('formatCode') ?? '');
    else if (x.is('cellXfs')) inCellXfs = !x.closing && !x.selfClosing;
    else if (x.is('xf') && inCellXfs && !x.closing) {
      const id = Number(x.attr('numFmtId') ?? 0);
      const code = custom.get(id);
      if (id && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id))) out.add(index);
      index += 1;
    }
  }
  return out;
}

type Merge = { top: number; left: number; bottom: number; right: number; value: CellValue };

/** The rows of a worksheet, merged ranges filled in. */
function* sheetRows(
  xml: Buffer,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
): Generator<SheetRow> {
  const merges: Merge[] = [];
  const rows = parseSheet(xml, strings, dateStyles, date1904, merges);
  if (merges.length) yield* withMerges(rows, merges);
  else yield* rows;
}

/** Reads the sheet data (rows of cells of values) and the merged ranges of a worksheet. */
function parseSheet(
  xml: Buffer,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
  merges: Merge[],
): SheetRow[] {
  const rows: SheetRow[] = [];
  const x = new XmlScanner(xml);
  let inData = false;
  let rowNo = 0;
  let cells: CellValue[] = [];
  let col = 0;
  let type = 'n';
  let style = 0;
  let formula = false;
  // A cell's value: the byte range of a plain <v> (the usual case), or its text.
  let valueFrom = -1;
  let valueTo = -1;
  let value: string | undefined;
  let mode = NONE;
  let phonetic = 0;

  const number = (text: string): CellValue => {
    const n = Number.parseFloat(text);
    if (Number.isNaN(n)) return text;
    if (!dateStyles.has(style)) return n;
    const date = new Date(Math.round((n - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
    return Number.isNaN(date.getTime()) ? n : date; // beyond the dates JavaScript knows
  };
  const cellValue = (): CellValue => {
    if (valueFrom >= 0 && value === undefined) {
      // A shared string's index is read from the bytes, without making a string.
      if (type === 's' && !formula) {
        const index = x.integer(valueFrom, valueTo);
        if (index >= 0) return strings[index] ?? '';
      }
      value = x.string(valueFrom, valueTo, true);
    }
    if (value === undefined) return null;
    if (formula && type !== 'str' && type !== 'b' && type !== 'e') return number(value);
    switch (type) {
      case 's':
        return strings[Number.parseInt(value, 10)] ?? '';
      case 'str':
      case 'inlineStr':
      case 'e':
        return value;
      case 'b':
        return Number.parseInt(value, 10) !== 0;
      case 'd': {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : date;
      }
      default:
        return number(value);
    }
  };
  const addText = (text: string) => {
    if (valueFrom >= 0 && value === undefined) value = x.string(valueFrom, valueTo, true);
    value = (value ?? '') + (mode === IN_TEXT ? decodeEscapes(text) : text);
  };

  for (let token = x.next(); token !== END; token = x.next()) {
    if (token !== ELEMENT) {
      if (mode === IN_VALUE && token === TEXT && valueFrom < 0 && value === undefined) {
        valueFrom = x.textFrom;
        valueTo = x.textTo;
      } else if (mode !== NONE) addText(x.text(token === TEXT));
      continue;
    }
    const kind = inData ? x.sheetElement() : NONE;
    if (x.closing) {
      if (kind === V || kind === T) mode = NONE;
      else if (kind === C) {
        // Empty cells are left out, as ExcelJS leaves them out of a row's values.
        const value = cellValue();
        if (value !== null) cells[col] = value;
        mode = NONE;
      } else if (kind === ROW) rows.push({ rowNo, cells });
      else if (kind === RPH) phonetic -= 1;
      else if (inData && x.is('sheetData')) inData = false;
      continue;
    }
    if (!inData) {
      if (x.is('sheetData')) inData = !x.selfClosing;
      else if (x.is('mergeCell')) {
        const merge = mergeRange(x.attr('ref') ?? '');
        if (merge) merges.push(merge);
      }
      continue;
    }
    switch (kind) {
      case ROW:
        x.readRowCellAttributes();
        rowNo = x.rowNumber > 0 ? x.rowNumber : rowNo + 1;
        cells = [];
        col = 0;
        if (x.selfClosing) rows.push({ rowNo, cells });
        break;
      case C:
        x.readRowCellAttributes();
        col = x.column > 0 ? x.column : col + 1;
        type = x.type;
        style = x.style;
        formula = false;
        valueFrom = -1;
        value = undefined;
        mode = NONE;
        phonetic = 0;
        break;
      case F:
        formula = true;
        break;
      case V:
        if (!x.selfClosing) mode = IN_VALUE;
        break;
      case T:
        if (value === undefined && valueFrom < 0) value = '';
        if (!x.selfClosing && !phonetic) mode = IN_TEXT;
        break;
      case RPH:
        if (!x.selfClosing) phonetic += 1;
        break;
    }
  }
  return rows;
}

/** A merged range (`A2:B5`) as row and column numbers. */
function mergeRange(ref: string): Merge | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const [a, b] = [columnNumber(m[1]), columnNumber(m[3] ?? m[1])];
  const [t, u] = [Number(m[2]), Number(m[4] ?? m[2])];
  return {
    top: Math.min(t, u),
    bottom: Math.max(t, u),
    left: Math.min(a, b),
    right: Math.max(a, b),
    value: null,
  };
}

/** Fills merged ranges: each cell shows the top-left cell's value; rows inside a range exist. */
function* withMerges(rows: SheetRow[], merges: Merge[]): Generator<SheetRow> {
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  let next = 0;
  let active: Merge[] = [];
  const fill = (row: SheetRow) => {
    while (next < merges.length && merges[next].top <= row.rowNo) {
      const m = merges[next++];
      m.value = m.top === row.rowNo ? (row.cells[m.left] ?? null) : null;
      active.push(m);
    }
    active = active.filter((m) => m.bottom >= row.rowNo);
    for (const m of active) {
      for (let c = m.left; c <= m.right; c += 1) {
        if (c !== m.left || row.rowNo !== m.top) row.cells[c] = m.value;
      }
    }
    return row;
  };
  // The rows between two rows of the sheet that only a merged range covers.
  const between = function* (from: number, to: number): Generator<SheetRow> {
    let r = from;
    while (r < to) {
      const covered = (m: Merge) => m.top <= r && m.bottom >= r;
      if (active.some(covered) || merges.slice(next).some(covered)) {
        yield fill({ rowNo: r, cells: [] });
        r += 1;
        continue;
      }
      const upcoming = merges.slice(next).find((m) => m.top > r && m.top < to);
      r = upcoming ? upcoming.top : to;
    }
  };
  let last = 0;
  for (const row of rows) {
    if (row.rowNo > last + 1) yield* between(last + 1, row.rowNo);
    yield fill(row);
    last = Math.max(last, row.rowNo);
  }
  const bottom = Math.max(0, ...merges.map((m) => m.bottom));
  if (bottom > last) yield* between(last + 1, bottom + 1);
}

/** The column number of a cell reference: A1 → 1, AB7 → 28. */
export function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c === 0x24 /* $ */) continue;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n;
}

/** The `_xHHHH_` escapes of OOXML strings (control characters), decoded as ExcelJS does. */
function decodeEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character and entity references. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Tokens of the scanner.
const END = 0;
const ELEMENT = 1;
const TEXT = 2;
const CDATA = 3;
// Elements of the sheet data, and what the sheet reader is inside of.
const NONE = 0;
const ROW = 1;
const C = 2;
const V = 3;
const F = 4;
const T = 5;
const RPH = 6;
const IN_VALUE = 7;
const IN_TEXT = 8;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;
const COLON = 58;

/**
 * A minimal XML scanner over the bytes of a machine-written .xlsx part: element tags (the
 * namespace prefix dropped), text and CDATA; comments, processing instructions and
 * declarations are skipped. It works on UTF-8 bytes (markup is ASCII, which never occurs
 * inside a multi-byte character) and makes strings only of what is asked for.
 */
class XmlScanner {
  private pos = 0;
  /** The last token was a closing tag (`</x>`). */
  closing = false;
  /** The last token was an empty-element tag (`<x/>`). */
  selfClosing = false;
  private nameFrom = 0;
  private nameTo = 0;
  private attrsFrom = 0;
  private attrsTo = 0;
  /** The byte range of the last TEXT or CDATA token. */
  textFrom = 0;
  textTo = 0;
  // Attributes of a <row> or <c>, read by readRowCellAttributes.
  rowNumber = 0;
  column = 0;
  type = 'n';
  style = 0;

  constructor(private readonly b: Buffer) {}

  next(): number {
    const b = this.b;
    const end = b.length;
    for (;;) {
      let i = this.pos;
      if (i >= end) return END;
      if (b[i] !== LT) {
        let lt = i + 1;
        while (lt < end && b[lt] !== LT) lt += 1;
        this.textFrom = i;
        this.textTo = lt;
        this.pos = lt;
        return TEXT;
      }
      const first = b[i + 1];
      if (first === 33 /* ! */) {
        if (this.startsWith(i, '<![CDATA[')) {
          const stop = b.indexOf(']]>', i + 9);
          this.textFrom = i + 9;
          this.textTo = stop < 0 ? end : stop;
          this.pos = stop < 0 ? end : stop + 3;
          return CDATA;
        }
        const comment = this.startsWith(i, '<!--');
        const stop = b.indexOf(comment ? '-->' : '>', i + 2);
        this.pos = stop < 0 ? end : stop + (comment ? 3 : 1);
        continue;
      }
      if (first === 63 /* ? */) {
        const stop = b.indexOf('?>', i + 2);
        this.pos = stop < 0 ? end : stop + 2;
        continue;
      }
      this.closing = first === SLASH;
      i += this.closing ? 2 : 1;
      this.nameFrom = i;
      for (; i < end; i += 1) {
        const c = b[i];
        if (c === GT || c === SLASH || c <= 32) break;
        if (c === COLON) this.nameFrom = i + 1;
      }
      this.nameTo = i;
      this.attrsFrom = i;
      // The end of the tag: the first '>' outside a quoted attribute value.
      let quote = 0;
      for (; i < end; i += 1) {
        const c = b[i];
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === QUOTE || c === APOSTROPHE) quote = c;
        else if (c === GT) break;
      }
      this.selfClosing = !this.closing && b[i - 1] === SLASH;
      this.attrsTo = this.selfClosing ? i - 1 : i;
      this.pos = i + 1;
      return ELEMENT;
    }
  }

  private startsWith(at: number, ascii: string): boolean {
    for (let k = 0; k < ascii.length; k += 1) if (this.b[at + k] !== ascii.charCodeAt(k)) return false;
    return true;
  }

  /** The element's local name is `name` (ASCII). */
  is(name: string): boolean {
    if (this.nameTo - this.nameFrom !== name.length) return false;
    return this.startsWith(this.nameFrom, name);
  }

  /** Which element of the sheet data the tag is (row, c, v, f, t, rPh), or NONE. */
  sheetElement(): number {
    const b = this.b;
    const first = b[this.nameFrom];
    switch (this.nameTo - this.nameFrom) {
      case 1:
        return first === 99 ? C : first === 118 ? V : first === 102 ? F : first === 116 ? T : NONE;
      case 3:
        return this.is('row') ? ROW : this.is('rPh') ? RPH : NONE;
      default:
        return NONE;
    }
  }

  /** The decoded text of the last TEXT (entities decoded) or CDATA (raw) token. */
  text(decode: boolean): string {
    return this.string(this.textFrom, this.textTo, decode);
  }

  string(from: number, to: number, decode: boolean): string {
    const s = this.b.toString('utf8', from, to);
    return decode ? decodeXml(s) : s;
  }

  /** The non-negative integer written in bytes [from, to), or -1 when they are not all digits. */
  integer(from: number, to: number): number {
    if (from >= to || to - from > 15) return -1;
    let n = 0;
    for (let i = from; i < to; i += 1) {
      const d = this.b[i] - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  /**
   * The value of an attribute of the tag (entities decoded), by local name; `anyPrefix` lets
   * `id` match `r:id`, otherwise the name must match exactly.
   */
  attr(name: string, anyPrefix = false): string | undefined {
    let found: string | undefined;
    this.eachAttribute((keyFrom, localFrom, keyTo, valueFrom, valueTo) => {
      if (found !== undefined) return;
      const from = anyPrefix && localFrom > keyFrom ? localFrom : keyFrom;
      if (keyTo - from === name.length && this.startsWith(from, name)) {
        found = this.string(valueFrom, valueTo, true);
      }
    });
    return found;
  }

  /** Reads r, s and t of a <row> or <c>: row number, column number, type, style. */
  readRowCellAttributes(): void {
    this.rowNumber = 0;
    this.column = 0;
    this.type = 'n';
    this.style = 0;
    const b = this.b;
    let i = this.attrsFrom;
    const end = this.attrsTo;
    while (i < end) {
      while (i < end && b[i] <= 32) i += 1;
      const keyFrom = i;
      let localFrom = i;
      while (i < end && b[i] !== EQUALS && b[i] > 32) {
        if (b[i] === COLON) localFrom = i + 1;
        i += 1;
      }
      const keyTo = i;
      while (i < end && b[i] !== QUOTE && b[i] !== APOSTROPHE) i += 1;
      if (i >= end) return;
      const quote = b[i];
      const valueFrom = i + 1;
      let plain = true;
      for (i = valueFrom; i < end && b[i] !== quote; i += 1) if (b[i] === 38 /* & */) plain = false;
      const valueTo = i;
      i += 1;
      if (keyTo - localFrom !== 1 || (localFrom > keyFrom && !this.isPrefixOf(keyFrom, localFrom))) continue;
      const letter = b[localFrom];
      if (!plain) {
        const text = this.string(valueFrom, valueTo, true);
        if (letter === 114 /* r */) {
          this.column = columnNumber(text);
          this.rowNumber = Number.parseInt(text.replace(/^[$A-Za-z]+\$?/, ''), 10) || 0;
        } else if (letter === 115 /* s */) this.style = Math.max(0, Number.parseInt(text, 10) || 0);
        else if (letter === 116 /* t */) this.type = text;
        continue;
      }
      if (letter === 114 /* r */) {
        // A cell reference (letters, then digits) or a row number.
        let column = 0;
        let row = 0;
        for (let k = valueFrom; k < valueTo; k += 1) {
          const c = b[k];
          if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
          else if ((c | 0x20) >= 97 && (c | 0x20) <= 122) column = column * 26 + ((c | 0x20) - 96);
        }
        this.column = column;
        this.rowNumber = row;
      } else if (letter === 115 /* s */) this.style = Math.max(0, this.integer(valueFrom, valueTo));
      else if (letter === 116 /* t */) {
        this.type =
          valueTo - valueFrom === 1
            ? String.fromCharCode(b[valueFrom])
            : this.string(valueFrom, valueTo, false);
      }
    }
  }

  /** Prefixed attributes count only with a plain namespace prefix (e.g. `x:r`), never `xml:`. */
  private isPrefixOf(keyFrom: number, localFrom: number): boolean {
    return !(localFrom - keyFrom === 4 && this.startsWith(keyFrom, 'xml:'));
  }

  private eachAttribute(
    visit: (keyFrom: number, localFrom: number, keyTo: number, valueFrom: number, valueTo: number) => void,
  ): void {
    const b = this.b;
    let i = this.attrsFrom;
    const end = this.attrsTo;
    while (i < end) {
      while (i < end && b[i] <= 32) i += 1;
      const keyFrom = i;
      let localFrom = i;
      while (i < end && b[i] !== EQUALS && b[i] > 32) {
        if (b[i] === COLON) localFrom = i + 1;
        i += 1;
      }
      const keyTo = i;
      while (i < end && b[i] !== QUOTE && b[i] !== APOSTROPHE) i += 1;
      if (i >= end) return;
      const quote = b[i];
      const valueFrom = i + 1;
      i = valueFrom;
      while (i < end && b[i] !== quote) i += 1;
      if (keyTo > keyFrom) visit(keyFrom, localFrom, keyTo, valueFrom, i);
      i += 1;
    }
  }
}
