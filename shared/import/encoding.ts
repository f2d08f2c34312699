/**
 * Text encoding of an imported CSV (issue 17): UTF-8 with or without a BOM, or GB18030 — what Excel on a
 * Chinese Windows writes ("CSV (逗号分隔)" saves in the ANSI code page, GBK, which GB18030 contains).
 * A file that is not valid UTF-8 is read as GB18030; valid UTF-8 is almost never valid-looking GBK by accident,
 * while GBK text is nearly always invalid UTF-8, so the order of the checks decides well.
 */
export type DetectedEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

/** Decodes file bytes, naming the encoding found. The BOM is not part of the returned text. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
