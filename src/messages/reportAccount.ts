import type { Language } from '../language/text';

/**
 * What the report journey says of the account itself and of its draft seen from another conversation: an enrolment
 * withdrawn by the administrator, a draft stored, cancelled or replaced elsewhere (dialogs/report/reportJourney.ts).
 */
export const reportAccountTexts = {
  /** A revoked account asks for its reports or starts one (docs/decisions/0009). */
  revoked: {
    fr: 'Votre inscription a été retirée : demandez un nouveau code à l’administrateur.',
    en: 'Your enrolment was withdrawn: ask the administrator for a new code.',
  },
  /** The draft this conversation held was confirmed in another one. */
  storedElsewhere: {
    fr: (reference: string | undefined) => `Cette déclaration a été enregistrée depuis une autre conversation${reference ? ` (${reference})` : ''}.`,
    en: (reference: string | undefined) => `This report was stored from another conversation${reference ? ` (${reference})` : ''}.`,
  },
  /** The draft this conversation held was cancelled in another one (or is gone). */
  cancelledElsewhere: {
    fr: 'Cette déclaration a été annulée depuis une autre conversation.',
    en: 'This report was cancelled from another conversation.',
  },
  /** Another draft took its place, started in another conversation. */
  replacedElsewhere: {
    fr: 'Cette déclaration a été remplacée par une autre depuis une autre conversation.',
    en: 'This report was replaced by another one from another conversation.',
  },
} satisfies Record<string, Record<Language, string | ((reference: string | undefined) => string)>>;
