import type { TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import { accountKey } from '../../src/bot/account';
import { sendReply } from '../../src/bot/replies';
import { reportTexts as t } from '../../src/messages/reports';
import type { TurnReading } from '../../src/reading';
import { enrolmentRetryDelayMs, hashEnrolmentCode, readEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { EnrolmentStanding } from '../../src/reports/model';
import { readFormCommand } from '../../src/reports/reading';
import type { Store } from '../../src/storage';
import type { ReportMemory } from './reportMemory';

/**
 * WHO MAY REPORT. The first time someone starts a report, the bot asks for their centre's one-time code
 * (`npm run admin -- invite`); a right code binds their account — in Teams their Entra ID, elsewhere the channel's
 * user id — to the centre. A wrong code is refused without saying why, and guessing is slowed down per account.
 * The report journey (./reportJourney.ts) asks here before it starts or stores anything.
 */

/** What happened to a message sent while the bot waited for a code. */
export type CodeOutcome =
  /** « annuler »: no code after all. */
  | { kind: 'cancelled' }
  /** Not a code: the message is left to the other routes, and the code is asked again after. */
  | { kind: 'notACode' }
  /** Refused (wrong, used, expired, or too many tries): said. */
  | { kind: 'refused' }
  /** Bound to the centre; `statement` is what they had said before the code was asked, to start the report with. */
  | { kind: 'enrolled'; statement: string | undefined };

export class Enrolment {
  constructor(private readonly services: { store: Pick<Store, 'enrolments'>; now: () => DateTime }) {}

  /**
   * The account's enrolment, checked in the database (it may have been revoked since); kept in the report's memory,
   * with whether it was revoked.
   */
  async check(context: TurnContext, report: ReportMemory): Promise<ReportMemory['enrolment'] | null> {
    await this.recall(context, report);
    return report.enrolment ?? null;
  }

  /**
   * Where the account stands, in one call, kept in the report's memory: its enrolment, or that it was revoked (so that
   * its requests are answered with that), or neither. Made on the turns that ask for a report.
   */
  async recall(context: TurnContext, report: ReportMemory): Promise<void> {
    const standing = await this.services.store.enrolments.standing(accountKey(context));
    if (standing.kind === 'enrolled') {
      const found = standing.enrolment;
      report.enrolment = { id: found.id, structureId: found.structureId, structureName: found.structureName, communeCode: found.communeCode, communeName: found.communeName };
      delete report.revoked;
      return;
    }
    delete report.enrolment;
    if (standing.kind === 'revoked') report.revoked = true;
    else delete report.revoked;
  }

  /**
   * Where an account stands with the centres (enrolled, revoked, never enrolled), for the figures route: one store
   * call, made only on the turns that route claims. The memory's enrolment is left as it is: it is the report under
   * way's, whose owner may not be the one asking, and it is checked again before anything is stored.
   */
  standing(speaker: string): Promise<EnrolmentStanding> {
    return this.services.store.enrolments.standing(speaker);
  }

  /** Asks for the code, keeping what they had said (« on a fait un café… ») to start the report with once enrolled. */
  async askCode(context: TurnContext, reading: TurnReading, report: ReportMemory, statement: string | undefined): Promise<void> {
    report.awaitingCode = true;
    report.owner = accountKey(context);
    if (statement) report.statement = statement.slice(0, 1000);
    await sendReply(context, { text: t.askCode[reading.language] });
  }

  /** A message while the code is awaited: cancelled, not a code, refused, or enrolled (each but the second said). */
  async takeCode(context: TurnContext, reading: TurnReading, report: ReportMemory): Promise<CodeOutcome> {
    const language = reading.language;
    if (readFormCommand(reading.text)?.kind === 'cancel') {
      report.awaitingCode = false;
      delete report.statement;
      await sendReply(context, { text: t.enrolmentCancelled[language] });
      return { kind: 'cancelled' };
    }
    const code = readEnrolmentCode(reading.text);
    if (code === null) {
      // Not a code, but about one (« ABCD-EFGH-IJKL », « je n'ai pas de code »): said what a code is and who has it.
      // No attempt is counted: only a code that could be one is tried against the store.
      if (triesACode(reading.text)) await sendReply(context, { text: t.notACode[language] });
      return { kind: 'notACode' };
    }
    const key = accountKey(context);
    const now = this.services.now().toJSDate();
    // Guessing is slowed down per account: after a few wrong codes, no code is even tried until the delay is over.
    const failures = await this.services.store.enrolments.failures(key);
    if (failures) {
      const waitMs = failures.lastFailureAt.getTime() + enrolmentRetryDelayMs(failures.failures) - now.getTime();
      if (waitMs > 0) {
        await sendReply(context, { text: t.codeSlowDown[language](Math.max(1, Math.ceil(waitMs / 60_000))) });
        return { kind: 'refused' };
      }
    }
    const enrolment = await this.services.store.enrolments.redeem(hashEnrolmentCode(code), key, context.activity.channelId ?? 'unknown', now);
    if (!enrolment) {
      await this.services.store.enrolments.recordFailure(key, now);
      await sendReply(context, { text: t.codeRefused[language] });
      return { kind: 'refused' };
    }
    await this.services.store.enrolments.clearFailures(key);
    report.awaitingCode = false;
    delete report.revoked;
    report.enrolment = { id: enrolment.id, structureId: enrolment.structureId, structureName: enrolment.structureName, communeCode: enrolment.communeCode, communeName: enrolment.communeName };
    const statement = report.statement;
    delete report.statement;
    await sendReply(context, { text: t.enrolled[language](enrolment.structureName) });
    return { kind: 'enrolled', statement };
  }
}

/**
 * A message that is an enrolment code and nothing but code-talk around it (« K7QX-M2PD-9RTA », « mon code : k7qx m2pd
 * 9rta »), typed as codes are printed, in groups: pasted unasked, it starts the enrolment. A sentence never is one
 * (« what does LAEP mean? »: readEnrolmentCode), so a partner's question never enters the enrolment nor counts as a
 * wrong code; the same reading decides whether a message answers the code asked for.
 */
export function isCodeAlone(reading: TurnReading): boolean {
  if (reading.text.length > 60) return false;
  const code = readEnrolmentCode(reading.text);
  return code !== null && /[0-9A-Za-z]{4}[-\s][0-9A-Za-z]{4}[-\s][0-9A-Za-z]{4}/.test(reading.text);
}

/** « le code », a number or letters in groups typed where a code was asked, « pas reçu »: an attempt at the code, or about it. */
const ABOUT_A_CODE = [
  /(?:^|[^\p{L}])codes?(?:$|[^\p{L}])/iu,
  /(?:^|\s)[\p{L}\p{N}]{3,}(?:[-‐‑‒–—_.][\p{L}\p{N}]{3,}){1,3}(?:$|\s|[.!?])/u,
  /(?:^|\s)\d{4,}(?:$|\s|[.!?])/,
  /\b(?:pas (?:encore )?re[cç]u|pas de code|je (?:ne )?l[' ’]ai pas|don[' ’]?t have (?:one|it|a code)|haven[' ’]?t (?:got|received)|no code|not received)\b/i,
];

/** Whether a message, at the code prompt, tries a code or talks about it (so the enrolment answers, not the fallback). */
export function triesACode(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 200 && ABOUT_A_CODE.some((pattern) => pattern.test(trimmed));
}
