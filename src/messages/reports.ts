import { escapeMarkdown } from '../language/markdown';
import type { Language } from '../language/text';
import type { Report, ReportKind } from '../reports/model';

/**
 * What the report conversation says, in French and English: the staff of centres sociaux and EVS read it, often on
 * a phone between two activities, so each question is one short line with an example of an answer.
 */
type Text = Record<Language, string>;
type TextOf<A extends unknown[]> = Record<Language, (...args: A) => string>;

export const KIND_LABELS: Record<ReportKind, Text> = {
  'groupe-de-parole': { fr: 'Groupe de parole', en: 'Parents group' },
  'cafe-des-parents': { fr: 'Café des parents', en: 'Parents café' },
  'atelier-parents-enfants': { fr: 'Atelier parents-enfants', en: 'Parent-child workshop' },
  'conference-debat': { fr: 'Conférence-débat', en: 'Talk and debate' },
  'accueil-individuel': { fr: 'Accueil individuel', en: 'One-to-one support' },
  'sortie-familiale': { fr: 'Sortie familiale', en: 'Family outing' },
  laep: { fr: 'Lieu d’accueil enfants-parents', en: 'Parent-child drop-in (LAEP)' },
  'mediation-familiale': { fr: 'Médiation familiale', en: 'Family mediation' },
  formation: { fr: 'Formation', en: 'Training' },
  autre: { fr: 'Autre', en: 'Other' },
};

export const reportTexts = {
  // Enrolment
  askCode: {
    fr: 'Pour déclarer une action, j’ai besoin une seule fois du code d’inscription de votre centre (il ressemble à « K7QX-M2PD-9RTA »). Quel est votre code ?',
    en: 'To report an action, I need your centre’s enrolment code, once (it looks like “K7QX-M2PD-9RTA”). What is your code?',
  } satisfies Text,
  askCodeAgain: {
    fr: 'Quel est le code d’inscription de votre centre ? (ou « annuler »)',
    en: 'What is your centre’s enrolment code? (or “cancel”)',
  } satisfies Text,
  notACode: {
    fr: 'Ce n’est pas un code d’inscription : il a 12 caractères, comme « K7QX-M2PD-9RTA ». Si vous n’en avez pas, demandez-le à la personne qui administre Maillage pour votre territoire. Pour ne pas déclarer maintenant, dites « annuler ».',
    en: 'This is not an enrolment code: it has 12 characters, like “K7QX-M2PD-9RTA”. If you do not have one, ask the person who runs Maillage for your area. To stop here, say “cancel”.',
  } satisfies Text,
  codeRefused: {
    fr: 'Ce code ne fonctionne pas. Vérifiez-le auprès de la personne qui vous l’a donné, puis écrivez-le à nouveau.',
    en: 'This code does not work. Check it with the person who gave it to you, then type it again.',
  } satisfies Text,
  codeSlowDown: {
    fr: (minutes: number) => `Trop d’essais de code à la suite : réessayez dans ${minutes} min.`,
    en: (minutes: number) => `Too many code attempts in a row: try again in ${minutes} min.`,
  } satisfies TextOf<[number]>,
  enrolled: {
    fr: (centre: string) => `C’est fait : vous déclarez désormais les actions ${ofStructure(centre)}.`,
    en: (centre: string) => `Done: you now report the actions of ${escapeMarkdown(centre)}.`,
  } satisfies TextOf<[string]>,
  enrolmentCancelled: {
    fr: 'D’accord, on s’arrête là. Vous pourrez déclarer une action quand vous aurez votre code.',
    en: 'All right, we stop here. You can report an action once you have your code.',
  } satisfies Text,

  // The form
  starting: {
    fr: (centre: string) => `Je note une action ${ofStructure(centre)}.`,
    en: (centre: string) => `Let us record an action of ${escapeMarkdown(centre)}.`,
  } satisfies TextOf<[string]>,
  understood: {
    fr: (facts: string) => `J’ai compris : ${facts}.`,
    en: (facts: string) => `I understood: ${facts}.`,
  } satisfies TextOf<[string]>,
  resumed: {
    fr: (what: string) => `Je reprends votre déclaration en cours (${what}).`,
    en: (what: string) => `Let us go on with the report you started (${what}).`,
  } satisfies TextOf<[string]>,
  resumedInstead: {
    fr: 'Vous aviez une déclaration en cours : je la reprends d’abord. Pour l’abandonner et en commencer une autre, dites « annuler ».',
    en: 'You had a report under way: let us finish it first. To drop it and start another, say “cancel”.',
  } satisfies Text,
  noDraft: {
    fr: 'Vous n’avez pas de déclaration en cours. Pour en commencer une, dites par exemple « déclarer une action ».',
    en: 'You have no report under way. To start one, say for example “report an action”.',
  } satisfies Text,
  wholeForm: { fr: 'Formulaire complet', en: 'Whole form' } satisfies Text,
  startDate: { fr: 'Début', en: 'Start' } satisfies Text,
  endDate: { fr: 'Fin', en: 'End' } satisfies Text,
  noAnswerYet: { fr: 'pas encore de réponse', en: 'no answer yet' } satisfies Text,
  /** Quick replies: what to type to list one's reports, or to correct one. */
  myReports: { fr: 'mes déclarations', en: 'my reports' } satisfies Text,
  correctReport: {
    fr: (reference: string) => `corriger ${reference}`,
    en: (reference: string) => `correct ${reference}`,
  } satisfies TextOf<[string]>,
  wholeFormIntro: {
    fr: 'Voici le formulaire complet, déjà rempli avec ce que vous m’avez dit. Vous pouvez aussi continuer à répondre ici.',
    en: 'Here is the whole form, filled in with what you told me. You can also go on answering here.',
  } satisfies Text,

  askSheet: {
    fr: 'Pour quelle fiche action ? (par exemple « PA 2.3.2 »)',
    en: 'For which action sheet? (for example “PA 2.3.2”)',
  } satisfies Text,
  sheetUnknown: {
    fr: (code: string) => `je ne trouve pas de fiche « ${code} »`,
    en: (code: string) => `I find no sheet “${code}”`,
  } satisfies TextOf<[string]>,
  sheetNeedsCode: { fr: 'il me faut le numéro de la fiche', en: 'I need the sheet’s number' } satisfies Text,
  /** The sheet asked again: by its number or by its subject. */
  askSheetByCodeOrSubject: {
    fr: 'Donnez le numéro de la fiche (par exemple « PA 2.3.2 ») ou son sujet (par exemple « celle sur les cafés des parents »).',
    en: 'Give the sheet’s number (for example “PA 2.3.2”) or its subject (for example “the one about parents’ cafés”).',
  } satisfies Text,
  sheetNotRecognised: { fr: 'je n’ai pas reconnu de fiche', en: 'I did not recognise a sheet' } satisfies Text,
  sheetNotFoundAbout: {
    fr: (about: string) => `je ne trouve pas de fiche sur « ${escapeMarkdown(about)} »`,
    en: (about: string) => `I find no sheet about “${escapeMarkdown(about)}”`,
  } satisfies TextOf<[string]>,
  noSheetUnderDiscussion: {
    fr: 'je ne sais pas de quelle fiche vous parlez : nous n’en avons pas encore parlé',
    en: 'I do not know which sheet you mean: we have not talked about one yet',
  } satisfies Text,
  /** A sheet taken from its subject, « cette fiche » or a choice: said back by its code and title. */
  sheetTaken: {
    fr: (name: string) => `Fiche retenue : ${name}.`,
    en: (name: string) => `Sheet taken: ${name}.`,
  } satisfies TextOf<[string]>,
  sheetChoiceAbout: {
    fr: (about: string, list: string) => `Plusieurs fiches parlent de « ${escapeMarkdown(about)} » :\n${list}\nLaquelle ? Répondez par son numéro dans la liste (« 1 ») ou par son code.`,
    en: (about: string, list: string) => `Several sheets are about “${escapeMarkdown(about)}”:\n${list}\nWhich one? Answer with its number in the list (“1”) or its code.`,
  } satisfies TextOf<[string, string]>,
  sheetChoiceDiscussed: {
    fr: (list: string) => `Nous parlions de plusieurs fiches :\n${list}\nLaquelle ? Répondez par son numéro dans la liste (« 1 ») ou par son code.`,
    en: (list: string) => `We were talking about several sheets:\n${list}\nWhich one? Answer with its number in the list (“1”) or its code.`,
  } satisfies TextOf<[string]>,
  sheetInPlans: {
    fr: (code: string, plans: string) => `la ${code} existe dans plusieurs plans (${plans}) : précisez lequel`,
    en: (code: string, plans: string) => `${code} exists in several plans (${plans}): say which one`,
  } satisfies TextOf<[string, string]>,
  askAction: {
    fr: (list: string) => `Quelle action de la fiche ?\n${list}`,
    en: (list: string) => `Which action of the sheet?\n${list}`,
  } satisfies TextOf<[string]>,
  actionUnknown: {
    fr: 'donnez le numéro d’une action de la liste, ou « aucune en particulier »',
    en: 'give the number of an action in the list, or “none in particular”',
  } satisfies Text,
  noParticularAction: { fr: 'Aucune en particulier', en: 'None in particular' } satisfies Text,
  askKind: { fr: 'Quel type d’action ?', en: 'What kind of action?' } satisfies Text,
  kindUnknown: {
    fr: 'je n’ai pas reconnu le type ; choisissez-en un, ou « Autre »',
    en: 'I did not recognise the kind; choose one, or “Other”',
  } satisfies Text,
  askTitle: {
    fr: 'Quel titre donner à cette action ? (par exemple « Café des parents de mars »)',
    en: 'What title shall we give this action? (for example “March parents café”)',
  } satisfies Text,
  titleTooShort: { fr: 'un titre de quelques mots', en: 'a title of a few words' } satisfies Text,
  askDates: {
    fr: 'Quand a-t-elle eu lieu ? Une date (« le 12 mars ») ou une période (« du 3 au 5 avril »).',
    en: 'When did it take place? A date (“12 March”) or a period (“from 3 to 5 April”).',
  } satisfies Text,
  askSessions: { fr: 'Combien de séances ?', en: 'How many sessions?' } satisfies Text,
  askParents: { fr: 'Combien de parents y ont participé ?', en: 'How many parents took part?' } satisfies Text,
  askQpvParents: {
    fr: (parents: number) => `Parmi ces ${parents} parents, combien habitent un quartier prioritaire (QPV) ? (0 si aucun)`,
    en: (parents: number) => `Of these ${parents} parents, how many live in a priority neighbourhood (QPV)? (0 if none)`,
  } satisfies TextOf<[number]>,
  askChildren: { fr: 'Combien d’enfants ? (0 si aucun)', en: 'How many children? (0 if none)' } satisfies Text,
  askFamilies: { fr: 'Combien de familles en tout ?', en: 'How many families in all?' } satisfies Text,
  askSingleParentFamilies: {
    fr: (families: number) => `Parmi ces ${families} familles, combien sont monoparentales ? (0 si aucune)`,
    en: (families: number) => `Of these ${families} families, how many are single-parent families? (0 if none)`,
  } satisfies TextOf<[number]>,
  askPartners: {
    fr: 'Avec quels partenaires ? Séparez-les par des virgules, ou répondez « aucun ».',
    en: 'With which partners? Separate them with commas, or answer “none”.',
  } satisfies Text,
  askIndicator: {
    fr: (label: string) => `Pour l’indicateur de la fiche « ${label} », quelle valeur apporte cette action ? (un nombre, ou « non concerné »)`,
    en: (label: string) => `For the sheet’s indicator “${label}”, what does this action add? (a number, or “not concerned”)`,
  } satisfies TextOf<[string]>,
  notConcerned: { fr: 'Non concerné', en: 'Not concerned' } satisfies Text,
  askComment: {
    fr: 'Un commentaire à ajouter ? (ou « aucun »)',
    en: 'Any comment to add? (or “none”)',
  } satisfies Text,
  none: { fr: 'Aucun', en: 'None' } satisfies Text,
  reask: {
    fr: (problem: string, question: string) => `${capitalise(problem)}. ${question}`,
    en: (problem: string, question: string) => `${capitalise(problem)}. ${question}`,
  } satisfies TextOf<[string, string]>,

  // Problems, said plainly with what to fix
  // « -3 » and « 1.5 » are numbers: what is refused is a count that is not whole, or below 0.
  notANumber: { fr: 'il faut un nombre entier, 0 ou plus, par exemple « 12 » ou « douze »', en: 'this needs a whole number, 0 or more, for example “12” or “twelve”' } satisfies Text,
  dateNotACount: {
    fr: 'cela se lit comme une date, pas comme un nombre ; pour changer la date, dites « modifier la date »',
    en: 'that reads as a date, not a number; to change the date, say “change the date”',
  } satisfies Text,
  notAWholeNumberFrom: {
    fr: (min: number) => `il faut un nombre entier, ${min} ou plus, par exemple « ${Math.max(min, 12)} » ou « douze »`,
    en: (min: number) => `this needs a whole number, ${min} or more, for example “${Math.max(min, 12)}” or “twelve”`,
  } satisfies TextOf<[number]>,
  notAText: { fr: 'il faut du texte', en: 'this needs text' } satisfies Text,
  partnerNeedsLetters: {
    fr: (name: string) => `« ${escapeMarkdown(name)} » n’est pas un nom de partenaire : écrivez son nom (par exemple « Caf du Rhône »)`,
    en: (name: string) => `“${escapeMarkdown(name)}” is not a partner’s name: write its name (for example “Caf du Rhône”)`,
  } satisfies TextOf<[string]>,
  familiesWithoutParents: {
    fr: (parents: number) => `${parents} parents sont venus d’au moins une famille`,
    en: (parents: number) => `${parents} parents came from at least one family`,
  } satisfies TextOf<[number]>,
  moreFamiliesThanParents: {
    fr: (families: number, parents: number) => `${families} familles pour ${parents} parents : chaque famille compte au moins un parent venu`,
    en: (families: number, parents: number) => `${families} families for ${parents} parents: each family counts at least one parent who came`,
  } satisfies TextOf<[number, number]>,
  /** A count far beyond what one session holds: asked again rather than stored unread. */
  muchForSessions: {
    fr: (count: number, noun: string, sessions: number) =>
      `${count} ${noun} pour ${sessions} séance${sessions > 1 ? 's' : ''}, c’est beaucoup. Est-ce bien ${count} ? Répondez « oui » pour le garder, ou donnez le bon nombre.`,
    en: (count: number, noun: string, sessions: number) =>
      `${count} ${noun} for ${sessions} session${sessions > 1 ? 's' : ''} is a lot. Is it really ${count}? Answer “yes” to keep it, or give the right number.`,
  } satisfies TextOf<[number, string, number]>,
  muchForSessionsInCard: {
    fr: (count: number, sessions: number) => `${count} pour ${sessions} séance${sessions > 1 ? 's' : ''}, c’est beaucoup : vérifiez-le, puis renvoyez le formulaire pour le garder`,
    en: (count: number, sessions: number) => `${count} for ${sessions} session${sessions > 1 ? 's' : ''} is a lot: check it, then send the form again to keep it`,
  } satisfies TextOf<[number, number]>,
  yes: { fr: 'Oui', en: 'Yes' } satisfies Text,
  /** What the first message said that was not taken, and why: said at once, not dropped. */
  notTaken: {
    fr: (reasons: string) => `Je n’ai pas retenu : ${reasons}.`,
    en: (reasons: string) => `Not taken: ${reasons}.`,
  } satisfies TextOf<[string]>,
  partSaid: {
    fr: (part: number, of: 'qpvParents' | 'singleParentFamilies') => `${part} ${of === 'qpvParents' ? 'en QPV' : 'monoparentales'}`,
    en: (part: number, of: 'qpvParents' | 'singleParentFamilies') => `${part} ${of === 'qpvParents' ? 'in a QPV' : 'single-parent'}`,
  } satisfies TextOf<[number, 'qpvParents' | 'singleParentFamilies']>,
  /** « la semaine dernière » for an action held on one day: the period is said, and the day asked. */
  periodForOneDay: {
    fr: (period: string) => `la date, car ${period} est une période : il me faut le jour de l’action`,
    en: (period: string) => `the date, as ${period} is a period: I need the day of the action`,
  } satisfies TextOf<[string]>,
  approximate: { fr: 'il me faut le nombre exact (« 15 » plutôt que « une quinzaine »)', en: 'I need the exact number (“15” rather than “about fifteen”)' } satisfies Text,
  tooLarge: { fr: 'ce nombre est trop grand', en: 'this number is too large' } satisfies Text,
  atLeastOne: { fr: 'il faut au moins une séance', en: 'there is at least one session' } satisfies Text,
  notADate: { fr: 'je n’ai pas reconnu de date', en: 'I did not recognise a date' } satisfies Text,
  future: {
    fr: 'cette date est à venir, or on déclare une action déjà faite',
    en: 'this date is still to come, and a report is for an action already done',
  } satisfies Text,
  endBeforeStart: { fr: 'la fin de la période est avant son début', en: 'the end of the period is before its start' } satisfies Text,
  /** Dates said in a first sentence and refused: at once (« Je n'ai pas retenu : … »), then with the date's question. */
  dateRefused: {
    fr: (written: string, why: string) => `la date « ${escapeMarkdown(written)} », car ${why}`,
    en: (written: string, why: string) => `the date “${escapeMarkdown(written)}”, as ${why}`,
  } satisfies TextOf<[string, string]>,
  dateRefusedAtQuestion: {
    fr: (written: string, why: string) => `je n’ai pas retenu « ${escapeMarkdown(written)} » : ${why}`,
    en: (written: string, why: string) => `I did not take “${escapeMarkdown(written)}”: ${why}`,
  } satisfies TextOf<[string, string]>,
  /** A date long past, confirmed rather than stored unread (a year typed wrong). */
  datesFarBack: {
    fr: (dates: string) => `${capitalise(dates)}, c’est bien ça ? Répondez « oui » pour le garder, ou donnez la bonne date.`,
    en: (dates: string) => `${capitalise(dates)}, is that right? Answer “yes” to keep it, or give the right date.`,
  } satisfies TextOf<[string]>,
  /**
   * A day written without its year, taken a year back while this year's is days ahead (« le 20 décembre » said on
   * 8 December): which was meant. `ahead` is that day this year (datesText).
   */
  datesSameDayAhead: {
    fr: (dates: string, ahead: string) => `${capitalise(dates)}, c’est bien ça ? ${capitalise(ahead)} n’est pas encore passé.`,
    en: (dates: string, ahead: string) => `${capitalise(dates)}, is that right? ${capitalise(ahead.replace(/^on /, ''))} has not come yet.`,
  } satisfies TextOf<[string, string]>,
  /** « début novembre »: a part of a month names no day; the days are asked, in that month (`month`: « novembre 2026 »). */
  roughPeriod: {
    fr: (written: string, month: string) =>
      `« ${escapeMarkdown(written)} » ne dit pas le jour. Quel jour, ou quels jours, de ${month} ? Par exemple « le 3 » ou « du 3 au 5 ».`,
    en: (written: string, month: string) =>
      `“${escapeMarkdown(written)}” does not say the day. Which day, or days, of ${month}? For example “the 3rd” or “from the 3rd to the 5th”.`,
  } satisfies TextOf<[string, string]>,
  /** Why a part of a month said in a first sentence is not taken as the date (after « la date « début novembre », car »). */
  roughPeriodWhy: { fr: 'elle ne dit pas le jour', en: 'it does not say the day' } satisfies Text,
  /** A value changed while another question was pending, said back before that question is asked again. */
  noted: {
    fr: (what: string) => `C’est noté : ${what}.`,
    en: (what: string) => `Noted: ${what}.`,
  } satisfies TextOf<[string]>,
  /** A count said back with what it counts: « 11 parents », « 1 séance », « 2 parents en QPV ». */
  countSaid: {
    fr: (value: number, key: CountKey) => `${value} ${COUNT_NOUNS_FR[key][value > 1 ? 1 : 0]}`,
    en: (value: number, key: CountKey) => `${value} ${COUNT_NOUNS_EN[key][value === 1 ? 0 : 1]}`,
  } satisfies TextOf<[number, CountKey]>,
  /** A day written with a weekday it is not: which of the two is right. */
  weekdayClash: {
    fr: (date: string, actual: string, written: string, other: string) =>
      `Le ${date} était un ${actual}, pas un ${written}. Est-ce bien le ${actual} ${date} ? Répondez « oui », ou donnez la bonne date (par exemple « ${other} »).`,
    en: (date: string, actual: string, written: string, other: string) =>
      `${date} was a ${actual}, not a ${written}. Is it really ${actual} ${date}? Answer “yes”, or give the right date (for example “${other}”).`,
  } satisfies TextOf<[string, string, string, string]>,
  weekdays: {
    fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  } satisfies Record<Language, readonly string[]>,
  no: { fr: 'Non', en: 'No' } satisfies Text,
  tooLong: { fr: 'c’est trop long', en: 'this is too long' } satisfies Text,
  partLargerThanWhole: {
    fr: (part: number, whole: number, of: string) => `${part}, c’est plus que les ${whole} ${of}`,
    en: (part: number, whole: number, of: string) => `${part} is more than the ${whole} ${of} reported`,
  } satisfies TextOf<[number, number, string]>,
  parentsWord: { fr: 'parents déclarés', en: 'parents' } satisfies Text,
  familiesWord: { fr: 'familles déclarées', en: 'families' } satisfies Text,
  cardProblems: {
    fr: (list: string) => `Certaines réponses du formulaire sont à corriger :\n${list}`,
    en: (list: string) => `Some answers of the form need fixing:\n${list}`,
  } satisfies TextOf<[string]>,

  // Review, receipt, corrections
  reviewIntro: {
    fr: 'Voici votre déclaration. Tout est juste ? Dites « confirmer », « modifier le nombre de parents » (ou un autre champ), ou « annuler ».',
    en: 'Here is your report. Is it all right? Say “confirm”, “change the number of parents” (or another field), or “cancel”.',
  } satisfies Text,
  reviewNotUnderstood: {
    fr: 'Je n’ai pas compris. Pour enregistrer la déclaration, dites « confirmer » ; pour changer une réponse, « modifier » suivi du champ (par exemple « modifier la date ») ; pour tout abandonner, « annuler ».',
    en: 'I did not understand. To store the report, say “confirm”; to change an answer, “change” and the field (for example “change the date”); to drop it all, “cancel”.',
  } satisfies Text,
  whichField: {
    fr: 'Que voulez-vous modifier ? Par exemple « modifier la date » ou « modifier le nombre de parents ».',
    en: 'What do you want to change? For example “change the date” or “change the number of parents”.',
  } satisfies Text,
  confirm: { fr: 'Confirmer', en: 'Confirm' } satisfies Text,
  edit: { fr: 'Modifier', en: 'Change' } satisfies Text,
  cancel: { fr: 'Annuler', en: 'Cancel' } satisfies Text,
  cancelled: {
    fr: 'Déclaration annulée : rien n’a été enregistré.',
    en: 'Report cancelled: nothing was stored.',
  } satisfies Text,
  /** What was dropped, said when a draft is cancelled (by « annuler » in any conversation). */
  cancelledWhat: {
    fr: (what: string) => `Déclaration annulée (${what}) : rien n’a été enregistré.`,
    en: (what: string) => `Report cancelled (${what}): nothing was stored.`,
  } satisfies TextOf<[string]>,
  correctionCancelledWhat: {
    fr: (reference: string) => `Correction de ${reference} annulée : la déclaration reste comme elle était.`,
    en: (reference: string) => `Correction of ${reference} cancelled: the report stays as it was.`,
  } satisfies TextOf<[string]>,
  correctionCancelled: {
    fr: 'Correction annulée : la déclaration reste comme elle était.',
    en: 'Correction cancelled: the report stays as it was.',
  } satisfies Text,
  stored: {
    fr: (reference: string) => `Merci, c’est enregistré. Référence : ${reference}. Retrouvez vos déclarations avec « mes déclarations ».`,
    en: (reference: string) => `Thank you, it is stored. Reference: ${reference}. Find your reports with “my reports”.`,
  } satisfies TextOf<[string]>,
  alreadyStored: {
    fr: (reference: string) => `Cette déclaration est déjà enregistrée, sous la référence ${reference}.`,
    en: (reference: string) => `This report is already stored, under reference ${reference}.`,
  } satisfies TextOf<[string]>,
  corrected: {
    fr: (reference: string, version: number) => `C’est corrigé : ${reference} (version ${version}). La version précédente reste dans l’historique.`,
    en: (reference: string, version: number) => `Corrected: ${reference} (version ${version}). The previous version stays in the history.`,
  } satisfies TextOf<[string, number]>,
  staleCard: {
    fr: 'Ce formulaire ne correspond plus à une déclaration en cours. Pour en commencer une, dites « déclarer une action ».',
    en: 'This form no longer matches a report under way. To start one, say “report an action”.',
  } satisfies Text,
  notEnrolledAnyMore: {
    fr: 'Votre inscription pour ce centre a été retirée : demandez un nouveau code à votre coordination. Votre déclaration est gardée en attendant.',
    en: 'Your enrolment for this centre was removed: ask your coordination for a new code. Your report is kept meanwhile.',
  } satisfies Text,
  myReportsNone: {
    fr: 'Vous n’avez encore envoyé aucune déclaration.',
    en: 'You have not sent any report yet.',
  } satisfies Text,
  myReportsTitle: {
    fr: (count: number, shown: number) => (count > shown ? `Vos ${shown} dernières déclarations (sur ${count}) :` : `Vos déclarations (${count}) :`),
    en: (count: number, shown: number) => (count > shown ? `Your last ${shown} reports (of ${count}):` : `Your reports (${count}):`),
  } satisfies TextOf<[number, number]>,
  myReportsHint: {
    fr: 'Pour en corriger une : « corriger » suivi de sa référence.',
    en: 'To correct one: “correct” followed by its reference.',
  } satisfies Text,
  notYourReport: {
    fr: (reference: string) => `Je ne trouve pas de déclaration ${reference} parmi les vôtres.`,
    en: (reference: string) => `I find no report ${reference} among yours.`,
  } satisfies TextOf<[string]>,
  whichReport: {
    fr: 'Laquelle corriger ? Donnez sa référence (par exemple « corriger RPT-2026-000123 »).',
    en: 'Which one? Give its reference (for example “correct RPT-2026-000123”).',
  } satisfies Text,
  notEnrolledToList: {
    fr: 'Je ne trouve pas d’inscription à votre nom : pour déclarer et retrouver vos actions, demandez un code à votre coordination, puis dites « déclarer une action ».',
    en: 'I find no enrolment for you: to report and find your actions, ask your coordination for a code, then say “report an action”.',
  } satisfies Text,
  someoneElsesReport: {
    fr: 'Quelqu’un d’autre est en train de déclarer une action dans cette conversation. Pour la vôtre, écrivez-moi en conversation privée.',
    en: 'Someone else is reporting an action in this conversation. For yours, write to me in a private chat.',
  } satisfies Text,
  correcting: {
    fr: (reference: string) => `Correction de ${reference}.`,
    en: (reference: string) => `Correcting ${reference}.`,
  } satisfies TextOf<[string]>,
};

/** Summary labels, in the order of the form. */
export const summaryLabels = {
  centre: { fr: 'Centre', en: 'Centre' },
  sheet: { fr: 'Fiche', en: 'Sheet' },
  action: { fr: 'Action de la fiche', en: 'Sheet action' },
  kind: { fr: 'Type', en: 'Kind' },
  title: { fr: 'Titre', en: 'Title' },
  dates: { fr: 'Date', en: 'Date' },
  sessions: { fr: 'Séances', en: 'Sessions' },
  parents: { fr: 'Parents', en: 'Parents' },
  qpvParents: { fr: 'dont en QPV', en: 'of whom in a QPV' },
  children: { fr: 'Enfants', en: 'Children' },
  families: { fr: 'Familles', en: 'Families' },
  singleParentFamilies: { fr: 'dont monoparentales', en: 'of which single-parent' },
  partners: { fr: 'Partenaires', en: 'Partners' },
  indicators: { fr: 'Indicateurs', en: 'Indicators' },
  comment: { fr: 'Commentaire', en: 'Comment' },
} as const satisfies Record<string, Text>;

type CountKey = 'sessions' | 'parents' | 'qpvParents' | 'children' | 'families' | 'singleParentFamilies';
/** Each count's noun, one and several. */
const COUNT_NOUNS_FR: Record<CountKey, readonly [string, string]> = {
  sessions: ['séance', 'séances'],
  parents: ['parent', 'parents'],
  qpvParents: ['parent en QPV', 'parents en QPV'],
  children: ['enfant', 'enfants'],
  families: ['famille', 'familles'],
  singleParentFamilies: ['famille monoparentale', 'familles monoparentales'],
};
const COUNT_NOUNS_EN: Record<CountKey, readonly [string, string]> = {
  sessions: ['session', 'sessions'],
  parents: ['parent', 'parents'],
  qpvParents: ['parent in a QPV', 'parents in a QPV'],
  children: ['child', 'children'],
  families: ['family', 'families'],
  singleParentFamilies: ['single-parent family', 'single-parent families'],
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * « le 1er mars 2026 », « du 3 au 5 avril 2026 », « du 28 mars au 2 avril 2026 », « du 28 décembre 2025 au
 * 3 janvier 2026 »: from ISO dates, in the user's language, a month or a year shared by both ends said once.
 */
export function datesText(start: string, end: string, language: Language): string {
  const [a, b] = [dateParts(start, language), dateParts(end, language)];
  const day = (parts: DateParts) => (language === 'fr' && parts.day === 1 ? '1er' : String(parts.day));
  const full = (parts: DateParts) => `${day(parts)} ${parts.month} ${parts.year}`;
  if (start === end) return language === 'fr' ? `le ${full(a)}` : `on ${full(a)}`;
  const first = a.year !== b.year ? full(a) : a.monthNumber !== b.monthNumber ? `${day(a)} ${a.month}` : day(a);
  return language === 'fr' ? `du ${first} au ${full(b)}` : `from ${first} to ${full(b)}`;
}

interface DateParts {
  day: number;
  monthNumber: number;
  month: string;
  year: number;
}

function dateParts(iso: string, language: Language): DateParts {
  const date = new Date(`${iso}T12:00:00Z`);
  const month = date.toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', timeZone: 'UTC' });
  return { day: date.getUTCDate(), monthNumber: date.getUTCMonth(), month, year: date.getUTCFullYear() };
}

/** The first words of a structure's name that say its kind, with their gender (« Centre social », « Association »). */
const MASCULINE_KINDS = new Set(['centre', 'espace', 'lieu', 'point', 'relais', 'service', 'comite', 'collectif', 'foyer', 'club', 'conseil', 'departement', 'ccas', 'evs', 'pole', 'reseau', 'groupe', 'syndicat', 'secours', 'multi-accueil', 'accueil', 'institut', 'etablissement', 'cafe', 'atelier', 'bureau']);
const FEMININE_KINDS = new Set(['association', 'maison', 'caisse', 'caf', 'mairie', 'federation', 'ville', 'commune', 'mutuelle', 'structure', 'halte', 'ludotheque', 'mediatheque', 'bibliotheque', 'creche', 'ecole', 'union', 'udaf', 'mjc', 'msa', 'fondation', 'metropole', 'communaute', 'antenne', 'permanence', 'plateforme', 'residence', 'cite', 'regie']);

/**
 * « de » and a structure's name, as French says it: « du Centre social Les Tisserands », « de l’Association Les
 * Petites Mains », « de la Maison des familles », « des Petites Mains » (« Les Petites Mains »), « de Givors Solidaire ».
 * The name is written as it is, escaped for Markdown.
 */
export function ofStructure(name: string): string {
  const shown = escapeMarkdown(name.trim());
  const words = name.trim().split(/\s+/);
  const first = (words[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // An article of its own: « Le Relais » → « du Relais », « Les Petites Mains » → « des Petites Mains ».
  if (/^le$/.test(first) && words.length > 1) return `du ${escapeMarkdown(words.slice(1).join(' '))}`;
  if (/^les$/.test(first) && words.length > 1) return `des ${escapeMarkdown(words.slice(1).join(' '))}`;
  if (/^(?:la|l['’].*)$/.test(first)) return `de ${shown.charAt(0).toLowerCase()}${shown.slice(1)}`;
  // Before a vowel; an h is left whole (« de la Halte-garderie »: most structures' h is aspirated).
  const elided = /^[aeiouy]/.test(first);
  if (MASCULINE_KINDS.has(first)) return elided ? `de l’${shown}` : `du ${shown}`;
  if (FEMININE_KINDS.has(first)) return elided ? `de l’${shown}` : `de la ${shown}`;
  // A proper name (« Givors Solidaire », « Arc-en-ciel »): « de », elided before a vowel.
  return elided ? `d’${shown}` : `de ${shown}`;
}

/** One of one's reports, as « mes déclarations » lists it: what the staff typed is escaped for Markdown. */
export function reportLine(report: Report, language: Language): string {
  const counts = language === 'fr' ? `${report.parents} parents, ${report.children} enfants` : `${report.parents} parents, ${report.children} children`;
  return `${report.id} — ${escapeMarkdown(report.sheetCode)} — ${escapeMarkdown(report.title)} (${datesText(report.startDate, report.endDate, language)}) — ${counts}`;
}

/** The choice between the draft under way and a new report. The buttons' words are read back by readDraftChoice. */
export const draftChoiceTexts = {
  question: {
    fr: (what: string) =>
      `Vous avez une déclaration en cours (${what}). Voulez-vous la reprendre, ou en commencer une nouvelle ? En commencer une nouvelle supprime celle en cours. Pour seulement la supprimer, dites « supprimer le brouillon ».`,
    en: (what: string) =>
      `You have a report under way (${what}). Do you want to go on with it, or start a new one? Starting a new one deletes the one under way. To only delete it, say “delete the draft”.`,
  },
  /** Asked by « corriger RPT-… »: the correction takes the draft's place, so the draft is kept unless they say. */
  questionBeforeCorrection: {
    fr: (what: string, reference: string) =>
      `Vous avez une déclaration en cours (${what}). Voulez-vous la reprendre, ou la supprimer pour corriger ${reference} ? Dites « reprendre ma déclaration » ou « supprimer et corriger ${reference} ».`,
    en: (what: string, reference: string) =>
      `You have a report under way (${what}). Do you want to go on with it, or delete it to correct ${reference}? Say “resume my report” or “delete and correct ${reference}”.`,
  },
  dropAndCorrect: { fr: (reference: string) => `Supprimer et corriger ${reference}`, en: (reference: string) => `Delete and correct ${reference}` },
  resume: { fr: 'Reprendre ma déclaration', en: 'Resume my report' },
  new: { fr: 'Commencer une nouvelle déclaration', en: 'Start a new report' },
  drop: { fr: 'Supprimer le brouillon', en: 'Delete the draft' },
  dropped: {
    fr: 'Votre déclaration en cours est supprimée. Pour en commencer une, dites « déclarer une action ».',
    en: 'Your report under way is deleted. To start one, say “report an action”.',
  },
} as const;
