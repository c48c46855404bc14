import { AppError } from '../errors.js';

/**
 * Removes metadata from uploaded photos before they are stored. Phones write where a photo was
 * taken (Exif GPS), the device, the owner's name and the editing history into the file, and a
 * hotline reporter must not be identifiable by them. This works on the container formats only:
 * whole metadata segments or chunks are dropped and the picture data is copied byte for byte, so
 * there is no re-encoding, no loss of quality and no native image library.
 */

/** An upload that claims to be an image but whose structure is broken: a 400 for the client. */
export class MalformedImageError extends AppError {
  constructor(message: string) {
    super('validation_failed', `The image file is damaged: ${message}`);
    this.name = 'MalformedImageError';
  }
}

/** The types `stripImageMetadata` can clean (the sniffed types of FILE_KINDS.image). */
export const SANITIZABLE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

/**
 * Returns the image without its metadata. `mime` must be the type sniffed from the bytes; any
 * other type is a programming error (an image we could not clean must not be stored).
 */
export function stripImageMetadata(bytes: Buffer, mime: string): Buffer {
  switch (mime) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    case 'image/gif':
      return stripGif(bytes);
    default:
      throw new Error(`stripImageMetadata cannot clean ${mime}`);
  }
}

// ---------------------------------------------------------------- JPEG

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1; // Exif (with GPS, maker notes, thumbnail) and XMP
const APP2 = 0xe2; // ICC profile (kept) or MPF, the index of the images appended after EOI
const APP11 = 0xeb; // JUMBF: C2PA content credentials (creator, place, device)
const APP13 = 0xed; // Photoshop IRB with IPTC (names, places, captions)
const COM = 0xfe;

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Copies SOI, every marker segment except the metadata ones, the scans, and EOI. Whatever follows
 * EOI is dropped: phones append further JPEGs there (MPF depth maps, gain maps, previews), each
 * with its own Exif. When the Exif said the photo is rotated, a minimal Exif with only that
 * Orientation is put where the old one was, so portrait photos still display upright.
 */
function stripJpeg(src: Buffer): Buffer {
  if (src.length < 4 || src[0] !== 0xff || src[1] !== SOI) throw new MalformedImageError('no JPEG start');
  const parts: Buffer[] = [src.subarray(0, 2)];
  let exifSlot = -1;
  let orientation: number | undefined;
  let sawScan = false;
  let pos = 2;
  while (pos < src.length) {
    if (src[pos] !== 0xff) throw new MalformedImageError(`expected a JPEG marker at byte ${pos}`);
    let m = pos + 1;
    while (m < src.length && src[m] === 0xff) m += 1; // fill bytes
    if (m >= src.length) throw new MalformedImageError('truncated JPEG marker');
    const marker = src[m];
    if (marker === EOI) {
      parts.push(src.subarray(pos, m + 1));
      break;
    }
    if (isStandalone(marker)) {
      parts.push(src.subarray(pos, m + 1));
      pos = m + 1;
      continue;
    }
    if (m + 3 > src.length) throw new MalformedImageError('truncated JPEG segment');
    const length = src.readUInt16BE(m + 1);
    const end = m + 1 + length;
    if (length < 2 || end > src.length) throw new MalformedImageError('JPEG segment runs past the end');
    const payload = src.subarray(m + 3, end);
    if (marker === APP1) {
      if (exifSlot < 0) exifSlot = parts.length;
      orientation ??= exifOrientation(payload);
    }
    if (!isJpegMetadata(marker, payload)) parts.push(src.subarray(pos, end));
    pos = end;
    if (marker === SOS) {
      sawScan = true;
      const scanEnd = endOfEntropyData(src, pos);
      parts.push(src.subarray(pos, scanEnd));
      pos = scanEnd;
    }
  }
  if (!sawScan) throw new MalformedImageError('JPEG without image data');
  if (orientation !== undefined && orientation !== 1) parts.splice(exifSlot, 0, orientationExif(orientation));
  return Buffer.concat(parts);
}

function isJpegMetadata(marker: number, payload: Buffer): boolean {
  if (marker === APP1 || marker === APP11 || marker === APP13 || marker === COM) return true;
  return marker === APP2 && payload.subarray(0, 4).toString('latin1') === 'MPF\0';
}

/**
 * Where the entropy-coded data after SOS ends: at the first 0xFF that is neither a stuffed byte
 * (FF 00), a restart marker (FF D0–D7) nor a fill byte. A file cut off inside it ends there.
 */
function endOfEntropyData(src: Buffer, from: number): number {
  let p = from;
  for (;;) {
    const ff = src.indexOf(0xff, p);
    if (ff < 0 || ff + 1 >= src.length) return src.length;
    const next = src[ff + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) p = ff + 2;
    else if (next === 0xff) p = ff + 1;
    else return ff;
  }
}

/** The Orientation tag (1–8) of an Exif APP1 payload, or undefined; never throws. */
function exifOrientation(payload: Buffer): number | undefined {
  if (payload.length < 14 || payload.subarray(0, 6).toString('latin1') !== 'Exif\0\0') return undefined;
  const tiff = payload.subarray(6);
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** An APP1 segment whose Exif holds nothing but the Orientation tag. */
function orientationExif(orientation: number): Buffer {
  const seg = Buffer.alloc(36);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(34, 2);
  seg.write('Exif\0\0MM', 4, 'latin1');
  seg.writeUInt16BE(42, 12);
  seg.writeUInt32BE(8, 14); // IFD0 right after the TIFF header
  seg.writeUInt16BE(1, 18); // one entry
  seg.writeUInt16BE(0x0112, 20); // Orientation
  seg.writeUInt16BE(3, 22); // SHORT
  seg.writeUInt32BE(1, 24); // count
  seg.writeUInt16BE(orientation, 28);
  // bytes 30–31 pad the value, 32–35 are the (zero) offset of the next IFD
  return seg;
}

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Exif, text (comments, authors, software), the modification time and C2PA credentials. */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME', 'caBX']);

/** Copies every chunk except the metadata ones, up to IEND; whole chunks, so each CRC stays valid. */
function stripPng(src: Buffer): Buffer {
  if (src.length < 8 || !src.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new MalformedImageError('no PNG signature');
  const parts: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  for (;;) {
    if (pos + 12 > src.length) throw new MalformedImageError('PNG ends without IEND');
    const length = src.readUInt32BE(pos);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > src.length) throw new MalformedImageError('PNG chunk runs past the end');
    const type = src.toString('latin1', pos + 4, pos + 8);
    if (pos === 8 && type !== 'IHDR') throw new MalformedImageError('PNG does not start with IHDR');
    if (!PNG_METADATA.has(type)) parts.push(src.subarray(pos, end));
    pos = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
}

// ---------------------------------------------------------------- WebP

const WEBP_METADATA = new Set(['EXIF', 'XMP ', 'C2PA']);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/**
 * Copies the RIFF chunks except EXIF and XMP, clears their flags in VP8X and writes the new RIFF
 * size. Anything after the RIFF's declared size is dropped.
 */
function stripWebp(src: Buffer): Buffer {
  if (
    src.length < 20 ||
    src.toString('latin1', 0, 4) !== 'RIFF' ||
    src.toString('latin1', 8, 12) !== 'WEBP'
  ) {
    throw new MalformedImageError('no WebP header');
  }
  const riffEnd = 8 + src.readUInt32LE(4);
  if (riffEnd > src.length || riffEnd < 20) throw new MalformedImageError('WebP size runs past the end');
  const parts: Buffer[] = [];
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw new MalformedImageError('truncated WebP chunk');
    const fourcc = src.toString('latin1', pos, pos + 4);
    const size = src.readUInt32LE(pos + 4);
    const dataEnd = pos + 8 + size;
    if (dataEnd > riffEnd) throw new MalformedImageError('WebP chunk runs past the end');
    if (pos === 12 && !['VP8 ', 'VP8L', 'VP8X'].includes(fourcc)) {
      throw new MalformedImageError('WebP without image chunk');
    }
    const padded = dataEnd + (size & 1);
    if (!WEBP_METADATA.has(fourcc)) {
      let chunk = src.subarray(pos, Math.min(padded, riffEnd));
      if (fourcc === 'VP8X') {
        if (size < 10) throw new MalformedImageError('WebP VP8X chunk too short');
        chunk = Buffer.from(chunk);
        chunk[8] &= ~(VP8X_EXIF | VP8X_XMP);
      }
      parts.push(chunk);
      if (padded > riffEnd) parts.push(Buffer.alloc(1)); // a writer left out the last pad byte
    }
    pos = padded;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

// ---------------------------------------------------------------- GIF

/** Application extensions that only say how an animation loops; all others (XMP, …) are dropped. */
const GIF_KEPT_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

/**
 * Copies the header, colour tables, images and graphic-control extensions; drops comment
 * extensions and application extensions other than looping. Ends at the trailer (added if the
 * file stops cleanly between blocks); data after it is dropped.
 */
function stripGif(src: Buffer): Buffer {
  const signature = src.toString('latin1', 0, 6);
  if (src.length < 13 || (signature !== 'GIF87a' && signature !== 'GIF89a')) {
    throw new MalformedImageError('no GIF header');
  }
  let pos = 13 + colourTableSize(src[10]);
  if (pos > src.length) throw new MalformedImageError('GIF colour table runs past the end');
  const parts: Buffer[] = [src.subarray(0, pos)];
  for (;;) {
    if (pos >= src.length) break; // no trailer: added below
    const block = src[pos];
    if (block === 0x3b) break;
    if (block === 0x21) {
      if (pos + 2 > src.length) throw new MalformedImageError('truncated GIF extension');
      const label = src[pos + 1];
      const end = skipSubBlocks(src, pos + 2);
      if (!isGifMetadata(src, label, pos + 2)) parts.push(src.subarray(pos, end));
      pos = end;
    } else if (block === 0x2c) {
      if (pos + 11 > src.length) throw new MalformedImageError('truncated GIF image');
      const dataStart = pos + 10 + colourTableSize(src[pos + 9]) + 1; // + LZW minimum code size
      const end = skipSubBlocks(src, dataStart);
      parts.push(src.subarray(pos, end));
      pos = end;
    } else {
      throw new MalformedImageError(`unknown GIF block 0x${block.toString(16)} at byte ${pos}`);
    }
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

function colourTableSize(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

function isGifMetadata(src: Buffer, label: number, firstSubBlock: number): boolean {
  if (label === 0xfe) return true; // comment
  if (label !== 0xff) return false;
  const size = src[firstSubBlock];
  const id = src.toString('latin1', firstSubBlock + 1, firstSubBlock + 1 + size);
  return !(size === 11 && GIF_KEPT_APPLICATIONS.has(id));
}

/** The position after a chain of data sub-blocks (length byte + data, ended by a 0 length). */
function skipSubBlocks(src: Buffer, from: number): number {
  let p = from;
  for (;;) {
    if (p >= src.length) throw new MalformedImageError('GIF data runs past the end');
    const size = src[p];
    p += 1 + size;
    if (size === 0) return p;
  }
}
