/** A multipart case: its label, Content-Type and body. */
export type MultipartCase = [label: string, contentType: string, body: Buffer];

const B = 'fuzzBoundary7';
const TYPE = `multipart/form-data; boundary=${B}`;

function form(...parts: string[]): Buffer {
  return Buffer.from(`${parts.map((p) => `--${B}\r\n${p}\r\n`).join('')}--${B}--\r\n`, 'binary');
}
const file = (name: string, filename: string, bytes: string, type = 'application/octet-stream') =>
  `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${bytes}`;
const field = (name: string, value: string, type?: string) =>
  `Content-Disposition: form-data; name="${name}"${type ? `\r\nContent-Type: ${type}` : ''}\r\n\r\n${value}`;

/** Bodies that say multipart and are not, for every route that takes a body. */
export const BROKEN_MULTIPART: MultipartCase[] = [
  ['multipart without a boundary', 'multipart/form-data', Buffer.from('garbage')],
  ['multipart with an empty boundary', 'multipart/form-data; boundary=', Buffer.from('--\r\n\r\n')],
  ['multipart whose boundary never comes', TYPE, Buffer.from('nothing like a part in here')],
  [
    'multipart cut inside a part',
    TYPE,
    Buffer.from(`--${B}\r\n${file('file', 'a.xlsx', 'PK\u0003\u0004')}`, 'binary'),
  ],
  [
    'multipart with a broken part header',
    TYPE,
    Buffer.from(`--${B}\r\nContent-Disposition\r\n\r\nx\r\n--${B}--\r\n`),
  ],
];

/** Well-formed multipart bodies with hostile contents, for the upload routes. */
export const HOSTILE_UPLOADS: MultipartCase[] = [
  [
    'file named with a NUL',
    TYPE,
    form(file('file', 'a\u0000b.xlsx', 'x'), file('photo', 'a\u0000b.jpg', 'x')),
  ],
  ['garbage bytes named .xlsx', TYPE, form(file('file', 'roster.xlsx', 'PK\u0003\u0004garbage'))],
  ['garbage bytes named .jpg', TYPE, form(file('file', 'me.jpg', '\u00ff\u00d8\u00ffgarbage', 'image/jpeg'))],
  ['empty file', TYPE, form(file('file', 'empty.xlsx', ''), file('photo', 'empty.jpg', ''))],
  ['NUL in a text field', TYPE, form(field('item', 'a\u0000b'), file('file', 'a.txt', 'x'))],
  [
    'NUL and a lone surrogate inside a JSON field',
    TYPE,
    form(
      field('item', '{"category":"canteen","title":"fu\\u0000zz","description":"\\ud800 long enough text"}'),
    ),
  ],
  ['field declared JSON that is not', TYPE, form(field('item', '{"broken":', 'application/json'))],
  ['field named __proto__', TYPE, form(field('__proto__', 'x'), file('file', 'a.xlsx', 'x'))],
  ['too many files', TYPE, form(...Array.from({ length: 8 }, (_, i) => file('photo', `p${i}.jpg`, 'x')))],
  ['item that is an array', TYPE, form(field('item', '[1,2,3]'))],
];
