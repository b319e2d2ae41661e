/** Numbers in words, written here independently of the reader (the 1990 spelling: hyphens or spaces). */
const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];
function belowHundred(n: number): string {
  if (n < 20) return UNITS[n];
  const ten = Math.floor(n / 10);
  const unit = n % 10;
  if (ten === 7 || ten === 9) return `${TENS[ten]}${ten === 7 && unit === 1 ? ' et ' : '-'}${UNITS[10 + unit]}`;
  if (unit === 0) return ten === 8 ? 'quatre-vingts' : TENS[ten];
  if (unit === 1 && ten !== 8) return `${TENS[ten]} et un`;
  return `${TENS[ten]}-${UNITS[unit]}`;
}
function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest);
  const head = hundreds === 1 ? 'cent' : `${UNITS[hundreds]} cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${belowHundred(rest)}`;
}
export function frenchWords(n: number): string {
  if (n < 1000) return belowThousand(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands === 1 ? 'mille' : `${belowThousand(thousands)} mille`;
  return rest === 0 ? head : `${head} ${belowThousand(rest)}`;
}

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export function englishWords(n: number): string {
  const below100 = (m: number) => (m < 20 ? EN_UNITS[m] : `${EN_TENS[Math.floor(m / 10)]}${m % 10 ? `-${EN_UNITS[m % 10]}` : ''}`);
  const below1000 = (m: number) => (m < 100 ? below100(m) : `${EN_UNITS[Math.floor(m / 100)]} hundred${m % 100 ? ` and ${below100(m % 100)}` : ''}`);
  if (n < 1000) return below1000(n);
  return `${below1000(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${below1000(n % 1000)}` : ''}`;
}
