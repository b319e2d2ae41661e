/**
 * Which addresses may become links: a web address must be http or https (never javascript:, data:, file: or
 * vbscript:, whatever the data says), a phone number becomes a tel: link of digits only, an e-mail address a mailto:
 * link only when it cannot add recipients or a body. Anything else is no link at all. A neutral module: the import
 * (src/offer/records.ts) keeps only web links that pass, and the cards (src/cards/links.ts) open only what passes.
 */

const WEB_PROTOCOLS = new Set(['http:', 'https:']);
/** Long enough for any real address; a longer one is not a link a person was meant to follow. */
const MAX_URL_LENGTH = 2000;

/** `raw` as a normalised http(s) URL, or null. A scheme-less address ("www.example.org") is read as https. */
export function webUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH || /[\s<>"]/.test(trimmed)) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    // Credentials in a link ("https://bank.example@evil.example") only serve to mislead.
    if (!WEB_PROTOCOLS.has(url.protocol) || url.username || url.password || !url.hostname) return null;
    return url.toString();
  } catch {
    return null;
  }
}

/** A telephone link from a number as written in the data ("04 65 71 10 01", "+33 4 65…"), or null. */
export function telUrl(number: string): string | null {
  const digits = number.replace(/[^\d+]/g, '');
  return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : null;
}

/**
 * A mailto: link for a plain e-mail address, or null. Deliberately narrower than what the import accepts: an address
 * with characters that mean something in a URL (`?`, `&`, `#`, `%`, `/`) could add a subject, a body or other
 * recipients to the mail, so it gets no link (a card then shows it as text).
 */
export function mailtoUrl(address: string): string | null {
  const trimmed = address.trim();
  return trimmed.length <= 254 && /^[A-Za-z0-9._+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))+$/.test(trimmed)
    ? `mailto:${trimmed}`
    : null;
}
