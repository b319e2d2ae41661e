import type { DateTime } from 'luxon';
import type { Language } from '../language/text';
import { parisClock } from '../offer/parisTime';
import type { DayPart, TimeIntent } from '../offer/timeQuery';

/**
 * Days and times in words, French and English: a weekday's name, and the time a parent asked about ("le samedi",
 * "demain matin", "le mardi 15 décembre"). src/offer reads times as data (timeQuery.ts, hours.ts); this file says them.
 */

const WEEKDAYS: Readonly<Record<Language, readonly string[]>> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** A weekday's name (1 = Monday). */
export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAYS[language][(((weekday - 1) % 7) + 7) % 7];
}

type CalendarDay = { year: number; month: number; day: number };

const PART_WORDS: Readonly<Record<DayPart, Record<Language, string>>> = {
  morning: { fr: 'matin', en: 'morning' },
  afternoon: { fr: 'après-midi', en: 'afternoon' },
  evening: { fr: 'soir', en: 'evening' },
};

/** School holidays as a sentence names them; the dates follow in brackets (national dates, see timeQuery.ts). */
const HOLIDAY_NAMES: Readonly<Record<NonNullable<TimeIntent['holidays']>, Record<Language, string>>> = {
  christmas: { fr: 'pendant les vacances de Noël', en: 'during the Christmas holidays' },
  'all-saints': { fr: 'pendant les vacances de la Toussaint', en: 'during the autumn half-term' },
  summer: { fr: 'pendant les vacances d’été', en: 'during the summer holidays' },
};

const MONTH_NAMES_SHOWN: Readonly<Record<Language, readonly string[]>> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const DAY_MS = 86_400_000;
/** Past this many days ahead (or before today), a date is shown with its year. */
const DAYS_SHOWN_WITHOUT_YEAR = 300;

/** "le mercredi 6 janvier", "on Wednesday 6 January": a date of the coming weeks (said without its year). */
export function describeComingDate(day: CalendarDay, language: Language): string {
  return describeDay(day, 0, language);
}

/** "le mardi 15 décembre", "on Tuesday 15 December"; with its year ("le mardi 9 mars 2027") when past or far ahead. */
function describeDay(day: CalendarDay, offset: number, language: Language): string {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() || 7;
  const year = offset < 0 || offset > DAYS_SHOWN_WITHOUT_YEAR ? ` ${day.year}` : '';
  const month = MONTH_NAMES_SHOWN[language][day.month - 1];
  if (language === 'en') return `on ${weekdayName(weekday, language)} ${day.day} ${month}${year}`;
  return `le ${weekdayName(weekday, language)} ${day.day === 1 ? '1er' : day.day} ${month}${year}`;
}

/**
 * A closure ahead, said by its days: « fermé du 21 décembre au 3 janvier », « fermé du 2 au 6 novembre », « closed
 * from 21 December to 3 January ». A single day is « fermé le 11 novembre ».
 */
export function closureText(closure: { from: CalendarDay; to: CalendarDay }, language: Language): string {
  const { from, to } = closure;
  const month = (day: CalendarDay) => MONTH_NAMES_SHOWN[language][day.month - 1];
  const dayNumber = (day: CalendarDay) => (language === 'fr' && day.day === 1 ? '1er' : String(day.day));
  const sameDay = from.year === to.year && from.month === to.month && from.day === to.day;
  if (language === 'en') {
    if (sameDay) return `closed on ${to.day} ${month(to)}`;
    return `closed from ${from.day}${from.month === to.month ? '' : ` ${month(from)}`} to ${to.day} ${month(to)}`;
  }
  if (sameDay) return `fermé le ${dayNumber(to)} ${month(to)}`;
  return `fermé du ${dayNumber(from)}${from.month === to.month ? '' : ` ${month(from)}`} au ${dayNumber(to)} ${month(to)}`;
}

/** « (heure locale) »: said once after the status of a place whose hours are on another clock than Paris's. */
export function localClockNote(language: Language): string {
  return language === 'en' ? ' (local time)' : ' (heure locale)';
}

/** "le samedi", "le mercredi après-midi", "maintenant", "demain matin", "ce week-end", "le mardi 15 décembre". */
export function describeTimeIntent(intent: TimeIntent, now: DateTime, language: Language): string {
  const en = language === 'en';
  if (intent.now) return en ? 'now' : 'maintenant';
  const part = intent.part ? PART_WORDS[intent.part][language] : '';
  if (intent.date && intent.until) {
    const [from, to] = [intent.date, intent.until].map((iso) => {
      const [year, month, day] = iso.split('-').map(Number);
      return { year, month, day };
    });
    const span = closureText({ from, to }, language).replace(/^(fermé|closed) /, '');
    const named = intent.holidays ? HOLIDAY_NAMES[intent.holidays][language] : null;
    const when = named ? `${named} (${span})` : span;
    return [when, part && en ? `in the ${part}` : part].filter(Boolean).join(' ');
  }
  if (intent.date) {
    const today = parisClock(now.toMillis());
    const [year, month, dayOfMonth] = intent.date.split('-').map(Number);
    const day = { year, month, day: dayOfMonth };
    const offset = Math.round((Date.UTC(year, month - 1, dayOfMonth) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS);
    if (offset === 0 && intent.part === 'evening') return en ? 'tonight' : 'ce soir';
    if (offset === 0 && intent.part === 'afternoon') return en ? 'this afternoon' : 'cet après-midi';
    if (offset === 0 && intent.part === 'morning') return en ? 'this morning' : 'ce matin';
    if (offset === 0 || offset === 1) {
      const name = offset === 0 ? (en ? 'today' : "aujourd'hui") : en ? 'tomorrow' : 'demain';
      return [name, part].filter(Boolean).join(' ');
    }
    // "on Tuesday 15 December in the afternoon"; French puts the part right after the date, as on a flyer.
    return [describeDay(day, offset, language), part && en ? `in the ${part}` : part].filter(Boolean).join(' ');
  }
  const days = intent.weekdays ?? [];
  if (days.length === 2 && days[0] === 6 && days[1] === 7) {
    const weekend = intent.once ? (en ? 'this weekend' : 'ce week-end') : en ? 'at the weekend' : 'le week-end';
    return [weekend, part].filter(Boolean).join(' ');
  }
  if (days.length === 0) return en ? `in the ${part}` : `le ${part}`;
  const names = days.map((d) => (en ? `on ${weekdayName(d, language)}` : `le ${weekdayName(d, language)}`));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')}${en ? ' or ' : ' ou '}${names[names.length - 1]}`;
  return [list, part].filter(Boolean).join(' ');
}
