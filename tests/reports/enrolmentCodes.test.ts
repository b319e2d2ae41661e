import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ENROLMENT_CODE_LENGTH, enrolmentRetryDelayMs, hashEnrolmentCode, newEnrolmentCode, readEnrolmentCode } from '../../src/reports/enrolmentCodes';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A canonical code as newEnrolmentCode makes them (a digit from 2 to 9 in it), of symbols fast-check picks (so
 * shrinking shows the smallest failing code).
 */
const anyCode = fc
  .array(fc.constantFrom(...CROCKFORD), { minLength: ENROLMENT_CODE_LENGTH, maxLength: ENROLMENT_CODE_LENGTH })
  .filter((symbols) => symbols.some((symbol) => /[2-9]/.test(symbol)))
  .map((symbols) => `${symbols.slice(0, 4).join('')}-${symbols.slice(4, 8).join('')}-${symbols.slice(8).join('')}`);

/** The ways people retype a code: case, the separators between its groups, 0 read as O and 1 as I or L. */
const retyped = (code: string) =>
  fc
    .record({
      lowerCase: fc.array(fc.boolean(), { minLength: ENROLMENT_CODE_LENGTH, maxLength: ENROLMENT_CODE_LENGTH }),
      lookAlike: fc.array(fc.constantFrom('same', 'O', 'I', 'L'), { minLength: ENROLMENT_CODE_LENGTH, maxLength: ENROLMENT_CODE_LENGTH }),
      joiners: fc.array(fc.constantFrom('-', ' ', '', '  ', ' - ', '–', '.'), { minLength: 2, maxLength: 2 }),
    })
    .map(({ lowerCase, lookAlike, joiners }) => {
      const symbols = [...code.replaceAll('-', '')].map((symbol, i) => {
        let typed = symbol;
        if (symbol === '0' && lookAlike[i] === 'O') typed = 'O';
        if (symbol === '1' && (lookAlike[i] === 'I' || lookAlike[i] === 'L')) typed = lookAlike[i]!;
        return lowerCase[i] ? typed.toLowerCase() : typed;
      });
      return `${symbols.slice(0, 4).join('')}${joiners[0]}${symbols.slice(4, 8).join('')}${joiners[1]}${symbols.slice(8).join('')}`;
    });

describe('newEnrolmentCode', () => {
  test('gives three groups of four Crockford symbols, never I, L, O or U', () => {
    for (let i = 0; i < 200; i++) expect(newEnrolmentCode()).toMatch(CANONICAL);
  });

  test('draws every symbol of the alphabet, and never the same code twice in 10 000', () => {
    const codes = new Set<string>();
    const symbols = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const code = newEnrolmentCode();
      codes.add(code);
      for (const symbol of code.replaceAll('-', '')) symbols.add(symbol);
    }
    expect(codes.size).toBe(10_000);
    expect([...symbols].sort().join('')).toBe([...CROCKFORD].sort().join(''));
  });

  test('always holds a digit no letter looks like (2 to 9), so that a retyped code still shows a digit', () => {
    for (let i = 0; i < 2000; i++) expect(newEnrolmentCode()).toMatch(/[2-9]/);
  });

  test('reads back as itself', () => {
    for (let i = 0; i < 100; i++) {
      const code = newEnrolmentCode();
      expect(readEnrolmentCode(code)).toBe(code);
    }
  });
});

describe('readEnrolmentCode', () => {
  test.each([
    ['K7QX-M2PD-9RTA', 'K7QX-M2PD-9RTA'],
    ['k7qx-m2pd-9rta', 'K7QX-M2PD-9RTA'],
    ['k7qx m2pd 9rta', 'K7QX-M2PD-9RTA'],
    ['K7QXM2PD9RTA', 'K7QX-M2PD-9RTA'],
    ['K7QX M2PD9RTA', 'K7QX-M2PD-9RTA'],
    ['  K7QX—M2PD—9RTA.  ', 'K7QX-M2PD-9RTA'],
    ['mon code est k7qx m2pd 9rta', 'K7QX-M2PD-9RTA'],
    ['Bonjour, voici le code : K7QX-M2PD-9RTA merci !', 'K7QX-M2PD-9RTA'],
    ['le code k7qx m2pd 9rta', 'K7QX-M2PD-9RTA'],
    ['code: K7QX-M2PD-9RTA', 'K7QX-M2PD-9RTA'],
    // Crockford's reading of look-alikes.
    ['1O0O-ilIL-2345', '1000-1111-2345'],
    ['«K7QX-M2PD-9RTA»', 'K7QX-M2PD-9RTA'],
  ])('%j → %j', (typed, expected) => {
    expect(readEnrolmentCode(typed)).toBe(expected);
  });

  test.each([
    [''],
    ['bonjour'],
    ['mon code est K7QX-M2PD'],
    // U is not in the alphabet.
    ['K7QU-M2PD-9RTA'],
    // Thirteen symbols are not a code.
    ['K7QX-M2PD-9RTAB'],
    ['K7QX-M2PD-9RT'],
    ['je ne sais plus où est le code'],
    ['on a fait un café des parents le 12 mars pour la PA 2.3.2, 14 parents'],
  ])('%j holds no code', (typed) => {
    expect(readEnrolmentCode(typed)).toBeNull();
  });

  test('reads any code however it is retyped: case, spaces or dashes or none, O for 0, I or L for 1', () => {
    fc.assert(
      fc.property(
        anyCode.chain((code) => fc.tuple(fc.constant(code), retyped(code))),
        ([code, typed]) => readEnrolmentCode(typed) === code,
      ),
      { numRuns: 2000 },
    );
  });

  test('finds a code typed at the end of a French sentence', () => {
    const sentences = fc.constantFrom('mon code est', 'voici mon code :', 'Bonjour, le code reçu par mail est', 'code', 'Le code donné par la Caf');
    fc.assert(
      fc.property(anyCode, sentences, (code, sentence) => readEnrolmentCode(`${sentence} ${code}`) === code),
      { numRuns: 1000 },
    );
  });

  test('never throws, and gives a canonical code or null, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const read = readEnrolmentCode(text);
        return read === null || CANONICAL.test(read);
      }),
      { numRuns: 3000 },
    );
  });

  // No timing assertion (speed is measured by npm run bench): a catastrophic backtrack would exceed jest's timeout.
  test('reads 10 000 characters of code-like groups: one code at most, in its canonical form', () => {
    // A sentence of code-like words is no code; code-talk around one code is.
    expect(readEnrolmentCode('ab2d '.repeat(2000))).toBeNull();
    expect(readEnrolmentCode(`${'bonjour '.repeat(1245)} AB2D-EFGH-JKMN`)).toBe('AB2D-EFGH-JKMN');
    expect(readEnrolmentCode('bonjour '.repeat(1250))).toBeNull();
  });
});

describe('hashEnrolmentCode', () => {
  test('is the SHA-256 of the canonical code, the same however it was typed', () => {
    const code = 'K7QX-M2PD-9RTA';
    const expected = createHash('sha256').update(code).digest('hex');
    expect(hashEnrolmentCode(code)).toBe(expected);
    expect(hashEnrolmentCode('k7qx m2pd 9rta')).toBe(expected);
    expect(hashEnrolmentCode(readEnrolmentCode('mon code est k7qx-m2pd-9rta')!)).toBe(expected);
    expect(hashEnrolmentCode(code)).not.toContain('K7QX');
  });

  test('differs for codes one symbol apart', () => {
    expect(hashEnrolmentCode('K7QX-M2PD-9RTA')).not.toBe(hashEnrolmentCode('K7QX-M2PD-9RTB'));
  });

  test('refuses what is not a code (a caller mistake, not a hash of anything)', () => {
    expect(() => hashEnrolmentCode('bonjour')).toThrow(TypeError);
    expect(() => hashEnrolmentCode('')).toThrow(TypeError);
  });
});

describe('enrolmentRetryDelayMs', () => {
  // README: wrong codes are slowed down after three in a row, so the fourth attempt is the first to wait.
  test.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 30_000],
    [4, 60_000],
    [5, 120_000],
    [6, 240_000],
    [9, 1_920_000],
    [10, 3_600_000],
    [11, 3_600_000],
    [1000, 3_600_000],
    [-1, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 3_600_000],
  ])('after %d wrong codes: %i ms', (failures, delay) => {
    expect(enrolmentRetryDelayMs(failures)).toBe(delay);
  });

  test('free for the first two failures, then doubling each time until the hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
        const delay = enrolmentRetryDelayMs(n);
        if (n < 3) return delay === 0;
        const previous = enrolmentRetryDelayMs(n - 1);
        return delay === (n === 3 ? 30_000 : Math.min(3_600_000, previous * 2));
      }),
    );
  });

  test('never decreases, stays within 0 and one hour, and is finite for any number', () => {
    fc.assert(
      fc.property(fc.double(), fc.nat(10_000), (any, n) => {
        const delay = enrolmentRetryDelayMs(any);
        return delay >= 0 && delay <= 3_600_000 && Number.isFinite(delay) && enrolmentRetryDelayMs(n + 1) >= enrolmentRetryDelayMs(n);
      }),
    );
  });
});
