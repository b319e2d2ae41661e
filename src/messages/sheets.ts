import type { Language } from '../language/text';
import type { AskedDetail } from '../sheets/details';
import type { SheetField } from '../sheets/model';

/**
 * What the sheet journey says around the sheets' own words, in French and English. Sheet texts are never
 * translated: English users read them quoted in French.
 *
 * These are plain texts, used in replies (Markdown), cards and suggestions alike: whoever puts one that carries a
 * sheet's words into Markdown escapes it (src/sheets/render.ts, answer.ts; cards escape their own). The one
 * exception is `glossary`, Markdown itself, whose arguments come escaped.
 */
export interface SheetMessages {
  fieldLabel: Record<SheetField, string>;
  /** "Et ses partenaires ?": a follow-up on the sheet being discussed. */
  followUp: Record<Exclude<SheetField, 'other' | 'links'>, string>;
  askPilot: (code: string) => string;
  askIndicators: (code: string) => string;
  askPartners: (code: string) => string;
  askSummary: (code: string) => string;
  /** When the number exists in several plans. */
  askSummaryInPlan: (code: string, plan: string) => string;
  askDefinition: (term: string) => string;
  askListing: (topic: string) => string;
  plan: string;
  /** Where a passage sits when it is the sheet's title. */
  title: string;
  axis: string;
  period: string;
  /** Said before quoted sheet text to English users. */
  quotedNote: string;
  quote: (text: string) => string;
  /** "Plan : …" / "Plan: …". */
  labelled: (label: string, value: string) => string;
  action: (number: number) => string;
  /** « Action 2 — Former les animateurs »: an action by its number and short title. */
  actionNamed: (number: number, title: string) => string;
  deadlineOfAction: string;
  sectionMissing: (label: string) => string;
  actionMissing: (number: number, count: number) => string;
  noActions: string;
  actionCount: (count: number) => string;
  bestMatch: string;
  otherCandidates: string;
  samePassages: string;
  sameNumberInPlans: (code: string, count: number) => string;
  whichPlan: (code: string) => string;
  whichSheet: string;
  notFoundCode: (code: string) => string;
  nearbySheets: string;
  notFoundTopic: string;
  notFoundTerm: (term: string) => string;
  /** The sheet does not name the organisation whose role was asked. */
  roleNotNamed: (who: string) => string;
  /** « quels plans connais-tu ? »: the intro, then one line a plan. */
  plansIntro: (count: number) => string;
  planLine: (title: string, territory: string | undefined, period: string | undefined, sheets: number) => string;
  askPlanSheets: (plan: string) => string;
  /** The sheets of one plan (« résume le schéma de l'Isère »). */
  planSheetsIntro: (plan: string, count: number) => string;
  /** The sheets under an axis named by its words (« l'axe Adolescence »). */
  axisNamedIntro: (words: string, count: number) => string;
  axisNamedNone: (words: string) => string;
  canAsk: string;
  listIntro: (count: number) => string;
  listAll: (count: number) => string;
  listMore: (count: number) => string;
  listNone: string;
  /** The sheets where the organisation named holds the role asked (« comme pilote »). */
  roleListIntro: (count: number, who: string, role: string) => string;
  roleListNone: (who: string, role: string) => string;
  /** How many sheets name it in another role, and which roles; `more` when some sheets were listed in the role asked. */
  otherRoles: (count: number, who: string, roles: string, more: boolean) => string;
  /** Joins roles asked together: « pilote ou financeur ». */
  roleOr: string;
  /** « combien de fiches dans le plan du Rhône ? »: each plan the words fit, with its number of sheets. */
  planCounts: (plans: ReadonlyArray<{ title: string; count: number }>) => string;
  /** A count asked with no plan named: every sheet, in so many plans. */
  countInPlans: (sheets: number, plans: number) => string;
  /** A plan's title over its sheets, in a list grouped by plan. */
  planHeading: (plan: string) => string;
  axisIntro: (axis: string, count: number) => string;
  axisNone: (axis: string) => string;
  glossary: (term: string, expansion: string, gloss?: string) => string;
  glossaryFromSheet: (code: string) => string;
  glossaryUsedIn: string;
  summaryMore: string;
  showWholeSheet: string;
  /** The button that opens the sheet's own page (Teams' stage view, or a browser tab elsewhere). */
  openWholeSheet: string;
  helpIntro: (sheets: number, plans: number) => string;
  helpKinds: string;
  noSheets: string;
  /** Said plainly when the section asked exists but does not hold the detail asked; what it says is quoted after. */
  detailMissing: Record<AskedDetail, string>;
  /** A date for one coming event ("le prochain comité") when the sheet gives only years or none. */
  nextDateMissing: string;
  /** A territory named that no loaded plan covers. */
  unknownPlace: (places: string) => string;
  knownPlans: string;
  /** The number asked exists in other plans, which are not the answer. */
  numberInOtherPlans: (code: string) => string;
  /** The plan named has no sheet with that number: another plan's sheet is shown, said to be another plan's. */
  notInNamedPlan: (code: string, plans: string) => string;
  /** « le schéma du Nord a les FA 12 à FA 15 », after a number that does not exist. */
  planRange: (plan: string, first: string, last: string, count: number) => string;
  /** A number typed that reads as no sheet's (« XY 15 », « la 16 »). */
  unreadCode: (typed: string) => string;
  /** « et la suivante ? » with no sheet under discussion. */
  stepWithoutSheet: string;
  /** The sheet is the last (first) of its plan. */
  noNextSheet: (code: string, plan: string) => string;
  noPreviousSheet: (code: string, plan: string) => string;
  /** The action is the last (first) of its sheet. */
  noNextAction: (number: number, code: string) => string;
  noPreviousAction: (number: number, code: string) => string;
  /** « la troisième » when two sheets were offered. */
  choiceOutOfRange: (count: number) => string;
  /** « la deuxième » with nothing offered to choose from. */
  nothingToChoose: string;
  /** The words a plan's button sends: the code and its plan, which the bot reads back as a question naming both. */
  choosePlan: (code: string, plan: string) => string;
  /** The title of that button on each sheet's card. */
  choosePlanButton: string;
  /** The best sheet covers only part of the topic: said, with the words no sheet holds. */
  weakMatch: (missing: string) => string;
  /** What an organisation is, in a sheet where it appears ("partenaire", "financeur"…). */
  role: Record<SheetField | 'title', string>;
  /** Where a passage answering the question sits. */
  accordingTo: string;
}

/** « la PA 3.2.1 » but « l'ACTION 4.2 »: the article is elided before a code that starts with a vowel. */
function theSheet(code: string): string {
  return /^[aeiouyàâéèêëîïôûü]/i.test(code) ? `l'${code}` : `la ${code}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const sheetMessages: Record<Language, SheetMessages> = {
  fr: {
    fieldLabel: {
      context: 'Diagnostic',
      objectives: 'Objectifs et principes',
      audience: 'Public et territoire',
      pilot: 'Pilotage',
      partners: 'Partenaires',
      funding: 'Financement',
      actions: 'Actions',
      deadlines: 'Échéances',
      results: 'Résultats attendus et indicateurs',
      links: "Liens avec d'autres fiches",
      other: 'Autres informations',
    },
    followUp: {
      context: 'Et son diagnostic ?',
      objectives: 'Et ses objectifs ?',
      audience: 'Et son public ?',
      pilot: 'Et son pilote ?',
      partners: 'Et ses partenaires ?',
      funding: 'Et son financement ?',
      actions: 'Et ses actions ?',
      deadlines: 'Et ses échéances ?',
      results: 'Et ses indicateurs ?',
    },
    askPilot: (code) => `Qui pilote ${theSheet(code)} ?`,
    askIndicators: (code) => `Quels sont les indicateurs de ${theSheet(code)} ?`,
    askPartners: (code) => `Quels sont les partenaires de ${theSheet(code)} ?`,
    askSummary: (code) => `Parle-moi de ${theSheet(code)}`,
    askSummaryInPlan: (code, plan) => `Parle-moi de ${theSheet(code)} du plan « ${plan} »`,
    askDefinition: (term) => `Que veut dire ${term} ?`,
    askListing: (topic) => `Quelles fiches parlent ${/^[aeiouyhàâéèêîôû]/i.test(topic) ? "d'" : 'de '}${topic} ?`,
    plan: 'Plan',
    title: 'Titre',
    axis: 'Axe',
    period: 'Période',
    quotedNote: '',
    quote: (text) => `« ${text} »`,
    labelled: (label, value) => `${label} : ${value}`,
    action: (number) => `Action ${number}`,
    actionNamed: (number, title) => `Action ${number} — ${title}`,
    deadlineOfAction: 'Échéance',
    sectionMissing: (label) => `La fiche n'a pas de rubrique « ${label} ».`,
    actionMissing: (number, count) =>
      count === 0 ? `La fiche ne numérote pas ses actions : je n'ai pas d'action ${number}.` : `La fiche compte ${count} action${count > 1 ? 's' : ''} : il n'y a pas d'action ${number}.`,
    noActions: "La fiche ne décrit pas d'actions numérotées.",
    actionCount: (count) => `Actions (${count})`,
    bestMatch: 'La fiche qui correspond le mieux à votre question :',
    otherCandidates: 'Autres fiches proches :',
    samePassages: 'Ce que la fiche en dit :',
    sameNumberInPlans: (code, count) => `Le numéro ${code} existe dans ${count} plans ; voici chacun.`,
    whichPlan: (code) => `Le numéro ${code} existe dans plusieurs plans. Lequel voulez-vous ?`,
    whichSheet: 'De quelle fiche parlez-vous ? Donnez son numéro (par exemple « PA 3.2.1 ») ou son sujet.',
    notFoundCode: (code) => `Je n'ai pas trouvé la fiche ${code} dans les plans chargés.`,
    nearbySheets: 'Fiches proches de ce numéro :',
    notFoundTopic: "Je n'ai pas trouvé de fiche qui réponde à votre question.",
    notFoundTerm: (term) => `Je ne connais pas « ${term} » : ce terme n'est ni dans mon glossaire ni dans les fiches.`,
    roleNotNamed: (who) => `La fiche ne cite pas « ${who} ».`,
    plansIntro: (count) => (count === 1 ? 'Je connais un plan :' : `Je connais ${count} plans :`),
    planLine: (title, territory, period, sheets) =>
      `${title}${[territory, period].filter(Boolean).length > 0 ? ` (${[territory, period].filter(Boolean).join(', ')})` : ''} — ${sheets} fiche${sheets > 1 ? 's' : ''}`,
    askPlanSheets: (plan) => `Fiches du plan « ${plan} »`,
    planSheetsIntro: (plan, count) => `Le plan « ${plan} » a ${count} fiche${count > 1 ? 's' : ''} :`,
    axisNamedIntro: (words, count) => `${count} fiche${count > 1 ? 's' : ''} sous un axe « ${words} » :`,
    axisNamedNone: (words) => `Je n'ai pas de fiche sous un axe « ${words} ».`,
    canAsk: 'Vous pouvez me demander par exemple :',
    listIntro: (count) => (count === 1 ? 'Une fiche correspond :' : `${count} fiches correspondent :`),
    listAll: (count) => (count === 1 ? 'Je connais une fiche :' : `Je connais ${count} fiches :`),
    listMore: (count) => `… et ${count} autre${count > 1 ? 's' : ''}. Précisez votre question pour affiner.`,
    listNone: 'Aucune fiche ne correspond à votre recherche.',
    roleListIntro: (count, who, role) => (count === 1 ? `Une fiche cite « ${who} » comme ${role} :` : `${count} fiches citent « ${who} » comme ${role} :`),
    roleListNone: (who, role) => `Aucune fiche ne cite « ${who} » comme ${role}.`,
    otherRoles: (count, who, roles, more) =>
      `${count === 1 ? `Une ${more ? 'autre ' : ''}fiche cite` : `${count} ${more ? 'autres ' : ''}fiches citent`} « ${who} » dans un autre rôle (${roles}).`,
    roleOr: ' ou ',
    planCounts: (plans) =>
      `${plans.map((plan, i) => (i === 0 ? `${plan.title} a ${plan.count} fiche${plan.count > 1 ? 's' : ''}` : `${plan.title} en a ${plan.count}`)).join(' ; ')}.`,
    planHeading: (plan) => `${plan} :`,
    countInPlans: (sheets, plans) => `Je connais ${sheets} fiche${sheets > 1 ? 's' : ''} dans ${plans} plan${plans > 1 ? 's' : ''}.`,
    axisIntro: (axis, count) => `${count} fiche${count > 1 ? 's' : ''} sous l'axe ${axis} :`,
    axisNone: (axis) => `Je n'ai pas de fiche sous l'axe ${axis}.`,
    glossary: (term, expansion) => `**${term}** : ${expansion}.`,
    glossaryFromSheet: (code) => `D'après ${theSheet(code)}.`,
    glossaryUsedIn: 'On trouve ce terme dans :',
    summaryMore: 'Vous pouvez aussi me demander ses partenaires, son financement, ses indicateurs ou son diagnostic.',
    showWholeSheet: 'Voir toute la fiche',
    openWholeSheet: 'Ouvrir la fiche complète',
    helpIntro: (sheets, plans) =>
      `Je réponds aux questions sur les fiches action (${sheets} fiche${sheets > 1 ? 's' : ''}, ${plans} plan${plans > 1 ? 's' : ''}), en citant les fiches.`,
    noSheets: "Aucune fiche action n'est chargée pour l'instant : je ne peux pas répondre sur les fiches.",
    detailMissing: {
      amount: 'La fiche ne donne pas de montant.',
      contact: 'La fiche ne donne pas de contact : ni adresse mail, ni numéro de téléphone, ni site.',
      person: 'La fiche ne donne pas de nom de personne.',
      date: 'La fiche ne donne pas de date.',
    },
    nextDateMissing: 'La fiche ne donne pas de date précise (ni jour ni mois) pour cela.',
    unknownPlace: (places) => `Aucun plan chargé ne couvre ${places} : je n'ai pas ses fiches, et je ne réponds pas avec celles d'un autre territoire.`,
    knownPlans: 'Plans chargés :',
    numberInOtherPlans: (code) => `La fiche ${code} existe dans d'autres plans, que vous pouvez consulter :`,
    notInNamedPlan: (code, plans) => `Le plan « ${plans} » n'a pas de fiche ${code}. Voici la fiche ${code} d'un autre plan :`,
    planRange: (plan, first, last, count) =>
      count === 1 ? `Le plan « ${plan} » a la fiche ${first}.` : `Le plan « ${plan} » a les fiches ${first} à ${last}.`,
    unreadCode: (typed) => `Je n'ai pas trouvé de fiche numérotée « ${typed} ». Écrivez son numéro comme la fiche le donne, par exemple « FA 12 » ou « PA 3.2.1 ».`,
    stepWithoutSheet: 'De quelle fiche voulez-vous la suivante ? Donnez son numéro (par exemple « PA 3.2.1 »).',
    noNextSheet: (code, plan) => `${capitalised(theSheet(code))} est la dernière fiche du plan « ${plan} » : il n'y en a pas après.`,
    noPreviousSheet: (code, plan) => `${capitalised(theSheet(code))} est la première fiche du plan « ${plan} » : il n'y en a pas avant.`,
    noNextAction: (number, code) => `L'action ${number} est la dernière de ${theSheet(code)} : il n'y en a pas après.`,
    noPreviousAction: (number, code) => `L'action ${number} est la première de ${theSheet(code)} : il n'y en a pas avant.`,
    choiceOutOfRange: (count) => `Je n'en ai proposé que ${count}. Laquelle voulez-vous ?`,
    nothingToChoose: "Je ne vous ai pas proposé de fiches à choisir. De quelle fiche parlez-vous ? Donnez son numéro ou son sujet.",
    choosePlan: (code, plan) => `${code} du plan « ${plan} »`,
    choosePlanButton: 'Choisir cette fiche',
    weakMatch: (missing) => `Aucune fiche ne parle de tout cela (je n'ai pas trouvé ${missing}). La fiche la plus proche :`,
    role: {
      title: 'dans le titre',
      context: 'cité dans le diagnostic',
      objectives: 'cité dans les objectifs',
      audience: 'cité dans le public',
      pilot: 'pilote',
      partners: 'partenaire',
      funding: 'financeur',
      actions: 'cité dans les actions',
      deadlines: 'cité dans les échéances',
      results: 'cité dans les indicateurs',
      links: 'cité dans les liens',
      other: 'cité dans le texte',
    },
    accordingTo: 'Ce que dit la fiche :',
    helpKinds:
      "Demandez le pilote, les partenaires, le financement, les actions, les échéances, les indicateurs, le diagnostic ou le public d'une fiche, par son numéro ou son sujet ; les fiches qui parlent d'un sujet ; le sens d'un sigle.",
  },
  en: {
    fieldLabel: {
      context: 'Diagnosis',
      objectives: 'Objectives and principles',
      audience: 'Audience and territory',
      pilot: 'Pilot',
      partners: 'Partners',
      funding: 'Funding',
      actions: 'Actions',
      deadlines: 'Deadlines',
      results: 'Expected results and indicators',
      links: 'Links to other sheets',
      other: 'Other information',
    },
    followUp: {
      context: 'And its diagnosis?',
      objectives: 'And its objectives?',
      audience: 'And its audience?',
      pilot: 'And its pilot?',
      partners: 'And its partners?',
      funding: 'And its funding?',
      actions: 'And its actions?',
      deadlines: 'And its deadlines?',
      results: 'And its indicators?',
    },
    askPilot: (code) => `Who leads ${code}?`,
    askIndicators: (code) => `What are the indicators of ${code}?`,
    askPartners: (code) => `Who are the partners of ${code}?`,
    askSummary: (code) => `Tell me about ${code}`,
    askSummaryInPlan: (code, plan) => `Tell me about ${code} in the plan "${plan}"`,
    askDefinition: (term) => `What does ${term} mean?`,
    askListing: (topic) => `Which sheets mention ${topic}?`,
    plan: 'Plan',
    title: 'Title',
    axis: 'Axis',
    period: 'Period',
    quotedNote: 'Quoted from the sheet, in French:',
    quote: (text) => `"${text}"`,
    labelled: (label, value) => `${label}: ${value}`,
    action: (number) => `Action ${number}`,
    actionNamed: (number, title) => `Action ${number} — ${title}`,
    deadlineOfAction: 'Deadline',
    sectionMissing: (label) => `The sheet has no "${label}" section.`,
    actionMissing: (number, count) =>
      count === 0 ? `The sheet does not number its actions: there is no action ${number}.` : `The sheet has ${count} action${count > 1 ? 's' : ''}: there is no action ${number}.`,
    noActions: 'The sheet does not list numbered actions.',
    actionCount: (count) => `Actions (${count})`,
    bestMatch: 'The sheet that best matches your question:',
    otherCandidates: 'Other close sheets:',
    samePassages: 'What the sheet says:',
    sameNumberInPlans: (code, count) => `Number ${code} exists in ${count} plans; here is each.`,
    whichPlan: (code) => `Number ${code} exists in several plans. Which one do you mean?`,
    whichSheet: 'Which sheet do you mean? Give its number (for example "PA 3.2.1") or its topic.',
    notFoundCode: (code) => `I did not find sheet ${code} in the loaded plans.`,
    nearbySheets: 'Sheets close to that number:',
    notFoundTopic: 'I did not find a sheet that answers your question.',
    notFoundTerm: (term) => `I do not know "${term}": it is neither in my glossary nor in the sheets.`,
    roleNotNamed: (who) => `The sheet does not mention "${who}".`,
    plansIntro: (count) => (count === 1 ? 'I know one plan:' : `I know ${count} plans:`),
    planLine: (title, territory, period, sheets) =>
      `${title}${[territory, period].filter(Boolean).length > 0 ? ` (${[territory, period].filter(Boolean).join(', ')})` : ''} — ${sheets} sheet${sheets > 1 ? 's' : ''}`,
    askPlanSheets: (plan) => `Sheets of the plan "${plan}"`,
    planSheetsIntro: (plan, count) => `The plan "${plan}" has ${count} sheet${count > 1 ? 's' : ''}:`,
    axisNamedIntro: (words, count) => `${count} sheet${count > 1 ? 's' : ''} under an axis "${words}":`,
    axisNamedNone: (words) => `I have no sheet under an axis "${words}".`,
    canAsk: 'You can ask me for example:',
    listIntro: (count) => (count === 1 ? 'One sheet matches:' : `${count} sheets match:`),
    listAll: (count) => (count === 1 ? 'I know one sheet:' : `I know ${count} sheets:`),
    listMore: (count) => `… and ${count} more. Make your question more precise to narrow it down.`,
    listNone: 'No sheet matches your search.',
    roleListIntro: (count, who, role) => (count === 1 ? `One sheet names "${who}" as ${role}:` : `${count} sheets name "${who}" as ${role}:`),
    roleListNone: (who, role) => `No sheet names "${who}" as ${role}.`,
    otherRoles: (count, who, roles, more) =>
      `${count === 1 ? `One ${more ? 'other ' : ''}sheet names` : `${count} ${more ? 'other ' : ''}sheets name`} "${who}" in another role (${roles}).`,
    roleOr: ' or ',
    planCounts: (plans) =>
      `${plans.map((plan, i) => (i === 0 ? `${plan.title} has ${plan.count} sheet${plan.count > 1 ? 's' : ''}` : `${plan.title} has ${plan.count}`)).join('; ')}.`,
    planHeading: (plan) => `${plan}:`,
    countInPlans: (sheets, plans) => `I know ${sheets} sheet${sheets > 1 ? 's' : ''} in ${plans} plan${plans > 1 ? 's' : ''}.`,
    axisIntro: (axis, count) => `${count} sheet${count > 1 ? 's' : ''} under axis ${axis}:`,
    axisNone: (axis) => `I have no sheet under axis ${axis}.`,
    glossary: (term, expansion, gloss) => `**${term}** stands for "${expansion}"${gloss ? ` (${gloss})` : ''}.`,
    glossaryFromSheet: (code) => `According to ${code}.`,
    glossaryUsedIn: 'The term appears in:',
    summaryMore: 'You can also ask for its partners, funding, indicators or diagnosis.',
    showWholeSheet: 'Show the whole sheet',
    openWholeSheet: 'Open the whole sheet',
    helpIntro: (sheets, plans) =>
      `I answer questions about the action sheets (${sheets} sheet${sheets > 1 ? 's' : ''}, ${plans} plan${plans > 1 ? 's' : ''}), quoting the sheets (in French).`,
    noSheets: 'No action sheet is loaded yet: I cannot answer about the sheets.',
    detailMissing: {
      amount: 'The sheet gives no amount.',
      contact: 'The sheet gives no contact details: no e-mail, phone number or website.',
      person: "The sheet gives no person's name.",
      date: 'The sheet gives no date.',
    },
    nextDateMissing: 'The sheet gives no precise date (no day or month) for that.',
    unknownPlace: (places) => `No loaded plan covers ${places}: I do not have its sheets, and I do not answer with another territory's.`,
    knownPlans: 'Loaded plans:',
    numberInOtherPlans: (code) => `Sheet ${code} exists in other plans, which you can ask about:`,
    notInNamedPlan: (code, plans) => `The plan "${plans}" has no sheet ${code}. Here is sheet ${code} of another plan:`,
    planRange: (plan, first, last, count) => (count === 1 ? `The plan "${plan}" has sheet ${first}.` : `The plan "${plan}" has sheets ${first} to ${last}.`),
    unreadCode: (typed) => `I found no sheet numbered "${typed}". Write its number as the sheet gives it, for example "FA 12" or "PA 3.2.1".`,
    stepWithoutSheet: 'Which sheet should I go on from? Give its number (for example "PA 3.2.1").',
    noNextSheet: (code, plan) => `${code} is the last sheet of the plan "${plan}": there is none after it.`,
    noPreviousSheet: (code, plan) => `${code} is the first sheet of the plan "${plan}": there is none before it.`,
    noNextAction: (number, code) => `Action ${number} is the last one of ${code}: there is none after it.`,
    noPreviousAction: (number, code) => `Action ${number} is the first one of ${code}: there is none before it.`,
    choiceOutOfRange: (count) => `I offered only ${count}. Which one do you mean?`,
    nothingToChoose: 'I have not offered sheets to choose from. Which sheet do you mean? Give its number or its topic.',
    choosePlan: (code, plan) => `${code} in the plan "${plan}"`,
    choosePlanButton: 'Choose this sheet',
    weakMatch: (missing) => `No sheet covers all of that (I did not find ${missing}). The closest sheet:`,
    role: {
      title: 'in the title',
      context: 'mentioned in the diagnosis',
      objectives: 'mentioned in the objectives',
      audience: 'mentioned in the audience',
      pilot: 'pilot',
      partners: 'partner',
      funding: 'funder',
      actions: 'mentioned in the actions',
      deadlines: 'mentioned in the deadlines',
      results: 'mentioned in the indicators',
      links: 'mentioned in the links',
      other: 'mentioned in the text',
    },
    accordingTo: 'What the sheet says:',
    helpKinds:
      'Ask for the pilot, partners, funding, actions, deadlines, indicators, diagnosis or audience of a sheet, by its number or its topic; which sheets mention a topic; what an abbreviation means.',
  },
};
