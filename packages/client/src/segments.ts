// GSM 03.38: the default alphabet (one septet each) and the extension table (an escape plus
// one septet, so two each).
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

export interface SmsSegments {
  /** GSM-7 when every character is in the GSM alphabet, else UCS-2. */
  encoding: "GSM-7" | "UCS-2";
  /**
   * Length as it counts against the limits: septets for GSM-7 (an extension character such as
   * `€` or `[` counts 2), UTF-16 code units for UCS-2 (most emoji count 2).
   */
  characters: number;
  /** Parts the message is sent as (0 for an empty text). */
  segments: number;
}

/**
 * Counts the SMS parts a text needs. One part carries 160 GSM-7 septets or 70 UCS-2 units; a
 * longer text is split into parts of 153 or 67 (the rest carries the header that joins them),
 * and an extension character or a surrogate pair is never split across two parts.
 */
export function countSmsSegments(text: string): SmsSegments {
  const units: number[] = [];
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) units.push(1);
    else if (GSM_EXTENSION.includes(char)) units.push(2);
    else {
      gsm = false;
      break;
    }
  }
  if (!gsm) {
    units.length = 0;
    for (const char of text) units.push(char.length);
  }
  const characters = units.reduce((a, b) => a + b, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  let segments = characters === 0 ? 0 : 1;
  if (characters > single) {
    let used = 0;
    for (const size of units) {
      if (used + size > part) {
        segments++;
        used = 0;
      }
      used += size;
    }
  }
  return { encoding: gsm ? "GSM-7" : "UCS-2", characters, segments };
}
