import type { DateTime } from 'luxon';
import type { Language } from '../language/text';
import {
  todayStatus, usualWeek, type ClockTime, type DayAhead, type DaySpan, type Hours, type MonthlyOpening, type NextOpening, type OpenWhenAsked,
  type TodayStatus, type UsualWeek,
} from '../offer/hours';
import { describeComingDate, weekdayName } from './time';

/**
 * Opening hours in words, French and English: "le mardi de 14 h à 17 h, le samedi de 9 h 30 à 12 h", "ouvert
 * maintenant, jusqu'à 17 h", "fermé maintenant ; rouvre aujourd'hui à 14 h", "tous les jours, 24 h/24". src/offer/hours.ts
 * works the openings out as data; this file only says them.
 */

/** "14 h", "9 h 30" / "14:00", "09:30". */
export function clockText(time: ClockTime, language: Language): string {
  if (language === 'en') return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  return time.minute === 0 ? `${time.hour} h` : `${time.hour} h ${String(time.minute).padStart(2, '0')}`;
}

/** "de 9 h à 12 h", "toute la journée" / "09:00–12:00", "all day". */
export function spanText(span: DaySpan, language: Language): string {
  if (span.allDay) return language === 'en' ? 'all day' : 'toute la journée';
  return language === 'en'
    ? `${clockText(span.start, language)}–${clockText(span.end, language)}`
    : `de ${clockText(span.start, language)} à ${clockText(span.end, language)}`;
}

function joinList(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'en' ? ' and ' : ' et ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** Days sharing the same hours are said together: "du lundi au vendredi", "le lundi et le mercredi". */
function dayGroups(days: readonly string[], language: Language): string[] {
  const bySpans = new Map<string, number[]>();
  days.forEach((spans, index) => {
    if (!spans) return;
    const list = bySpans.get(spans);
    if (list) list.push(index + 1);
    else bySpans.set(spans, [index + 1]);
  });
  const groups: Array<{ first: number; text: string }> = [];
  for (const [spans, weekdays] of bySpans) {
    const consecutive = weekdays.every((d, i) => i === 0 || d === weekdays[i - 1] + 1);
    let when: string;
    if (weekdays.length === 7 && spans === spanText({ allDay: true }, language)) {
      // Open every day, all day: round the clock, the one fact a parent needs (a listening line, a helpline).
      groups.push({ first: 1, text: language === 'en' ? 'every day, 24 hours a day' : 'tous les jours, 24 h/24' });
      continue;
    }
    if (weekdays.length === 7) when = language === 'en' ? 'every day' : 'tous les jours';
    else if (consecutive && weekdays.length >= 3) {
      when = language === 'en'
        ? `${weekdayName(weekdays[0], language)} to ${weekdayName(weekdays[weekdays.length - 1], language)}`
        : `du ${weekdayName(weekdays[0], language)} au ${weekdayName(weekdays[weekdays.length - 1], language)}`;
    } else {
      when = joinList(weekdays.map((d) => (language === 'en' ? `${weekdayName(d, language)}` : `le ${weekdayName(d, language)}`)), language);
    }
    groups.push({ first: weekdays[0], text: `${when} ${spans}` });
  }
  return groups.sort((a, b) => a.first - b.first).map((g) => g.text);
}

/**
 * The words of each usual week, by language. A week is worked out once per schedule and week (usualWeek keeps it), so
 * every card of that place this week says the same words: they are said once, and forgotten with the week.
 */
const weekWords = new WeakMap<UsualWeek, Partial<Record<Language, string>>>();

/** A usual week in words; hours that could not be read are shown as they were written. */
export function weekText(week: UsualWeek, language: Language): string {
  let said = weekWords.get(week);
  const known = said?.[language];
  if (known !== undefined) return known;
  const text = sayWeek(week, language);
  if (!said) {
    said = {};
    weekWords.set(week, said);
  }
  said[language] = text;
  return text;
}

/**
 * Hours that could not be put in words, as they were written: the label is the card's (it is never said twice), and
 * the characters of the opening_hours syntax that Markdown would need escaped (`We[1]`) become plain ones, since
 * some channels show the escaping backslashes.
 */
export function rawHoursText(raw: string): string {
  return raw.replace(/\[/g, '(').replace(/\]/g, ')').replace(/[*_~`|\\]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "1er", "2e", "dernier" / "first", "second", "last": which of a month's weekdays. */
function nthText(nth: number, language: Language): string {
  if (language === 'en') return nth === -1 ? 'last' : (['first', 'second', 'third', 'fourth', 'fifth'][nth - 1] ?? `${nth}th`);
  return nth === -1 ? 'dernier' : nth === 1 ? '1er' : `${nth}e`;
}

/** "le 1er mercredi du mois, de 19 h à 21 h", "les 1er et 3e jeudis du mois" / "the first Wednesday of the month, 19:00–21:00". */
function monthlyText(opening: MonthlyOpening, language: Language): string {
  const several = opening.nths.length > 1;
  const day = weekdayName(opening.weekday, language);
  const which = joinList(opening.nths.map((n) => nthText(n, language)), language);
  const span = spanText(opening.span, language);
  if (language === 'en') return `the ${which} ${day}${several ? 's' : ''} of the month, ${span}`;
  return `${several ? 'les' : 'le'} ${which} ${day}${several ? 's' : ''} du mois, ${span}`;
}

function sayWeek(week: UsualWeek, language: Language): string {
  if (!week.days) return rawHoursText(week.raw);
  const weekly = dayGroups(week.days.map((spans) => joinList(spans.map((span) => spanText(span, language)), language)), language);
  const text = [...weekly, ...(week.monthly ?? []).map((opening) => monthlyText(opening, language))].join(', ');
  return week.comments.length > 0 ? `${text} (${week.comments.join(', ')})` : text;
}

/** The hours in plain words: "le mardi de 14 h à 17 h, le samedi de 9 h 30 à 12 h" (a usual week, see usualWeek). */
export function describeHours(hours: Hours, now: DateTime, language: Language): string {
  return weekText(usualWeek(hours, now), language);
}

/** "demain", "samedi", "lundi prochain"; "today" is left unsaid, the caller knows the sentence it makes. */
function dayText(day: DayAhead, weekday: number, language: Language): string {
  const name = weekdayName(weekday, language);
  switch (day) {
    case 'today':
      return language === 'en' ? 'today' : "aujourd'hui";
    case 'tomorrow':
      return language === 'en' ? 'tomorrow' : 'demain';
    case 'next-week':
      return language === 'en' ? `next ${name}` : `${name} prochain`;
    case 'this-week':
      return name;
  }
}

/** The day of the next opening: "demain", "samedi", or a date ("le mercredi 6 janvier") beyond the coming week. */
function nextDayText(next: NextOpening, language: Language): string {
  return next.day === 'later' ? describeComingDate(next.date, language) : dayText(next.day, next.weekday, language);
}

/**
 * "ouvert maintenant, jusqu'à 17 h", "ouvert 24 h/24", "ouvre aujourd'hui à 14 h", "fermé maintenant ; rouvre
 * aujourd'hui à 14 h", "fermé maintenant ; prochaine ouverture demain à 9 h", "fermé aujourd'hui ; prochaine ouverture
 * samedi à 9 h 30". "Fermé maintenant" when the place was open earlier today: "fermé aujourd'hui" would read as "never
 * open on this weekday" beside hours that name it.
 */
export function statusText(status: TodayStatus, language: Language): string {
  const en = language === 'en';
  switch (status.state) {
    case 'open': {
      const note = status.note ? ` (${status.note})` : '';
      if (!status.until) return `${en ? 'open 24/7' : 'ouvert 24 h/24'}${note}`;
      const time = clockText(status.until.at, language);
      const until = status.until.day === 'today' ? time : `${dayText(status.until.day, status.until.weekday, language)} ${time}`;
      return en ? `open now, until ${until}${note}` : `ouvert maintenant, jusqu'à ${until}${note}`;
    }
    case 'opens-today': {
      const at = clockText(status.at, language);
      if (status.reopens) return en ? `closed now; reopens today at ${at}` : `fermé maintenant ; rouvre aujourd'hui à ${at}`;
      return en ? `opens today at ${at}` : `ouvre aujourd'hui à ${at}`;
    }
    case 'closed': {
      const closed = status.openedToday ? (en ? 'closed now' : 'fermé maintenant') : en ? 'closed today' : "fermé aujourd'hui";
      const next = status.next;
      if (!next) return closed;
      const when = `${nextDayText(next, language)} ${en ? 'at' : 'à'} ${clockText(next.at, language)}`;
      return en ? `${closed}; next opening ${when}` : `${closed} ; prochaine ouverture ${when}`;
    }
  }
}

/** Today's status in words, with whether the place is open: what a card shows first. */
export function statusToday(hours: Hours, now: DateTime, language: Language): { open: boolean; text: string } | null {
  const status = todayStatus(hours, now);
  return status ? { open: status.open, text: statusText(status, language) } : null;
}

/** "le samedi de 9 h 30 à 12 h" / "Saturday 09:30–12:00": when a place is open within the time asked. */
export function openWhenAskedText(open: OpenWhenAsked, language: Language): string {
  const day = weekdayName(open.weekday, language);
  return language === 'en' ? `${day} ${spanText(open.span, language)}` : `le ${day} ${spanText(open.span, language)}`;
}
