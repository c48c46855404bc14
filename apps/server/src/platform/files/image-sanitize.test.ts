import { crc32 } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { PNG_1PX } from '../../test/images.js';
import { MalformedImageError, stripImageMetadata } from './image-sanitize.js';

// ---------------------------------------------------------------- builders

const seg = (marker: number, payload: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** An 8×8 grey baseline JPEG: one block whose DC difference is 0, then end-of-block. */
function tinyJpeg(metadata: Buffer[] = [], scan = Buffer.from([0x3f]), trailer = Buffer.alloc(0)) {
  const jfif = seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
  const dqt = seg(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
  const sof = seg(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  const huffman = (tableClass: number) =>
    seg(0xc4, Buffer.concat([Buffer.from([tableClass << 4, 1]), Buffer.alloc(15), Buffer.from([0])]));
  const sos = seg(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jfif,
    ...metadata,
    dqt,
    sof,
    huffman(0),
    huffman(1),
    sos,
    scan,
    Buffer.from([0xff, 0xd9]),
    trailer,
  ]);
}

const GPS_LATITUDE = Buffer.from('GPS-39-54-27.22-N', 'latin1');

/** An Exif APP1 (big-endian TIFF): IFD0 with Orientation 6 and a GPS IFD with a latitude. */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4 + GPS_LATITUDE.length);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(2, 8);
  tiff.writeUInt16BE(0x0112, 10); // Orientation SHORT 6 (rotate 90°)
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(6, 18);
  const gpsIfd = 8 + 2 + 24 + 4;
  tiff.writeUInt16BE(0x8825, 22); // GPSInfo LONG → GPS IFD
  tiff.writeUInt16BE(4, 24);
  tiff.writeUInt32BE(1, 26);
  tiff.writeUInt32BE(gpsIfd, 30);
  tiff.writeUInt16BE(1, gpsIfd);
  const textAt = gpsIfd + 2 + 12 + 4;
  tiff.writeUInt16BE(0x0002, gpsIfd + 2); // GPSLatitude, here as ASCII so the test can find it
  tiff.writeUInt16BE(2, gpsIfd + 4);
  tiff.writeUInt32BE(GPS_LATITUDE.length, gpsIfd + 6);
  tiff.writeUInt32BE(textAt, gpsIfd + 10);
  GPS_LATITUDE.copy(tiff, textAt);
  return seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

const XMP = seg(
  0xe1,
  Buffer.from(
    'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>39,54N</exif:GPSLatitude>',
    'latin1',
  ),
);
const IPTC = seg(
  0xed,
  Buffer.from('Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x0a\x1c\x02\x5a\0\x06Anshan', 'latin1'),
);
const COMMENT = seg(0xfe, Buffer.from('taken at home by Zhang San', 'latin1'));
const ICC = seg(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01fake-profile', 'latin1'));

const pngChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

const riffChunk = (fourcc: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length & 1)]);
};

/** Modernizr's 1×1 lossless WebP; its VP8L chunk is reused inside an extended (VP8X) file. */
const WEBP_1PX = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

function webpWithExif(): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP and alpha flags
  const body = Buffer.concat([
    riffChunk('VP8X', vp8x), // canvas 1×1 (stored minus one: zeros)
    WEBP_1PX.subarray(12),
    riffChunk('EXIF', exifWithGps().subarray(10)), // the TIFF block, as WebP stores it
    riffChunk('XMP ', Buffer.from('<exif:GPSLatitude>39,54N</exif:GPSLatitude>', 'latin1')),
  ]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** A 1×1 transparent GIF89a (header + colour table | GCE + image + trailer). */
const GIF_1PX = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const gifApplication = (id: string, data: Buffer) =>
  Buffer.concat([
    Buffer.from([0x21, 0xff, 11]),
    Buffer.from(id, 'latin1'),
    Buffer.from([data.length]),
    data,
    Buffer.from([0]),
  ]);

const contains = (haystack: Buffer, needle: string | Buffer) => haystack.indexOf(needle) >= 0;

// ---------------------------------------------------------------- tests

describe('stripImageMetadata: JPEG', () => {
  it('drops Exif with GPS, XMP, IPTC and comments but keeps the picture byte for byte', async () => {
    const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x3f]); // stuffed byte and a restart
    const clean = tinyJpeg([ICC], scan);
    const input = tinyJpeg([exifWithGps(), XMP, IPTC, ICC, COMMENT], scan);
    expect(contains(input, GPS_LATITUDE)).toBe(true);

    const out = stripImageMetadata(input, 'image/jpeg');

    expect(out.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    for (const secret of [GPS_LATITUDE, 'GPSLatitude', 'Photoshop 3.0', 'Anshan', 'Zhang San']) {
      expect(contains(out, secret)).toBe(false);
    }
    expect(contains(out, 'ICC_PROFILE')).toBe(true);
    const sosAt = out.indexOf(Buffer.from([0xff, 0xda]));
    expect(out.subarray(sosAt)).toEqual(clean.subarray(clean.indexOf(Buffer.from([0xff, 0xda])))); // scan + EOI
    expect((await fileTypeFromBuffer(out))?.mime).toBe('image/jpeg');
  });

  it('keeps a rotated photo upright with a minimal Exif holding only the orientation', () => {
    const out = stripImageMetadata(tinyJpeg([exifWithGps()]), 'image/jpeg');
    const at = out.indexOf('Exif\0\0');
    expect(at).toBe(2 + 18 + 4); // after SOI and JFIF, where the original Exif was
    const tiff = out.subarray(at + 6, at + 6 + 26);
    expect(tiff.readUInt16BE(8)).toBe(1); // one entry
    expect(tiff.readUInt16BE(10)).toBe(0x0112);
    expect(tiff.readUInt16BE(18)).toBe(6);
    expect(out.length).toBe(tinyJpeg().length + 36);
  });

  it('returns a clean upright photo unchanged', () => {
    const clean = tinyJpeg([ICC]);
    expect(stripImageMetadata(clean, 'image/jpeg')).toEqual(clean);
  });

  it('drops the images phones append after the end marker (MPF), which carry their own Exif', () => {
    const mpf = seg(0xe2, Buffer.from('MPF\0MM\0\x2a', 'latin1'));
    const appended = tinyJpeg([exifWithGps()]);
    const out = stripImageMetadata(tinyJpeg([mpf], undefined, appended), 'image/jpeg');
    expect(out).toEqual(tinyJpeg());
  });

  it('copies a file cut off inside the scan as it is', () => {
    const full = tinyJpeg([], Buffer.from([1, 2, 3, 4, 5]));
    const cut = full.subarray(0, full.length - 3);
    expect(stripImageMetadata(cut, 'image/jpeg')).toEqual(cut);
  });

  it('rejects broken files with MalformedImageError (a 400)', () => {
    const full = tinyJpeg([exifWithGps()]);
    const bad = [
      Buffer.from('not an image'),
      full.subarray(0, 30), // cut inside the Exif segment
      Buffer.concat([full.subarray(0, 20), Buffer.from([0x00, 0x01]), full.subarray(20)]), // junk between segments
      full.subarray(0, full.indexOf(Buffer.from([0xff, 0xda]))), // no scan at all
    ];
    for (const bytes of bad) {
      expect(() => stripImageMetadata(bytes, 'image/jpeg')).toThrow(MalformedImageError);
    }
    try {
      stripImageMetadata(bad[1], 'image/jpeg');
    } catch (err) {
      expect((err as MalformedImageError).status).toBe(400);
    }
  });
});

describe('stripImageMetadata: PNG', () => {
  it('drops eXIf, text and time chunks whole, leaving the original chunks with valid CRCs', async () => {
    const ihdrEnd = 8 + 12 + 13;
    const input = Buffer.concat([
      PNG_1PX.subarray(0, ihdrEnd),
      pngChunk('eXIf', exifWithGps().subarray(10)),
      pngChunk('tEXt', Buffer.from('Comment\0taken at home by Zhang San', 'latin1')),
      pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<exif:GPSLatitude>', 'latin1')),
      pngChunk('tIME', Buffer.from([0x07, 0xea, 1, 2, 3, 4, 5])),
      PNG_1PX.subarray(ihdrEnd),
      Buffer.from('trailing junk'),
    ]);
    const out = stripImageMetadata(input, 'image/png');
    expect(out).toEqual(PNG_1PX);
    expect((await fileTypeFromBuffer(out))?.mime).toBe('image/png');
  });

  it('rejects a PNG cut short', () => {
    expect(() => stripImageMetadata(PNG_1PX.subarray(0, 40), 'image/png')).toThrow(MalformedImageError);
    expect(() => stripImageMetadata(PNG_1PX.subarray(0, PNG_1PX.length - 12), 'image/png')).toThrow(
      MalformedImageError,
    );
  });
});

describe('stripImageMetadata: WebP', () => {
  it('drops EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', async () => {
    const input = webpWithExif();
    expect(contains(input, GPS_LATITUDE)).toBe(true);
    const out = stripImageMetadata(input, 'image/webp');
    expect(contains(out, GPS_LATITUDE)).toBe(false);
    expect(contains(out, 'GPSLatitude')).toBe(false);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out.toString('latin1', 12, 16)).toBe('VP8X');
    expect(out[20]).toBe(0x10); // alpha kept, EXIF and XMP cleared
    expect(out.subarray(30)).toEqual(WEBP_1PX.subarray(12)); // the VP8L image data as it was
    expect((await fileTypeFromBuffer(out))?.mime).toBe('image/webp');
  });

  it('leaves a simple WebP as it is and rejects a broken one', () => {
    expect(stripImageMetadata(WEBP_1PX, 'image/webp')).toEqual(WEBP_1PX);
    const bigger = Buffer.from(WEBP_1PX);
    bigger.writeUInt32LE(1000, 4);
    expect(() => stripImageMetadata(bigger, 'image/webp')).toThrow(MalformedImageError);
  });
});

describe('stripImageMetadata: GIF', () => {
  it('drops comments and XMP but keeps the looping extension and the image', async () => {
    const screenEnd = 13 + 6;
    const loop = gifApplication('NETSCAPE2.0', Buffer.from([1, 0, 0]));
    const input = Buffer.concat([
      GIF_1PX.subarray(0, screenEnd),
      loop,
      Buffer.from([0x21, 0xfe, 9]),
      Buffer.from('Zhang San', 'latin1'),
      Buffer.from([0]),
      gifApplication('XMP DataXMP', Buffer.from('<exif:GPSLatitude>', 'latin1')),
      GIF_1PX.subarray(screenEnd),
    ]);
    const out = stripImageMetadata(input, 'image/gif');
    expect(out).toEqual(Buffer.concat([GIF_1PX.subarray(0, screenEnd), loop, GIF_1PX.subarray(screenEnd)]));
    expect((await fileTypeFromBuffer(out))?.mime).toBe('image/gif');
    expect(() => stripImageMetadata(GIF_1PX.subarray(0, 30), 'image/gif')).toThrow(MalformedImageError);
  });
});
