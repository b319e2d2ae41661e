/** The local parenting-support offer: import, search, opening hours, and the parent-query engine. */
export { buildOffer, loadOffer, type LoadedOffer } from './loadOffer';
export { OfferIndex } from './offerIndex';
export { OfferConversationSchema, PositionSchema, type OfferConversation, type Position } from './conversation';
export {
  answerSearch, offerQueryScore, outcomeOf, PAGE_SIZE, GROUPS_SHOWN, type OfferAnswer, type SearchAnswer, type SearchReach, type SearchOrigin,
  type HitGroup, type PlaceChoice, type OfferTurn, type OfferReply, type OfferOutcome, type OfferQueryOptions, type SearchOptions,
} from './engine';
export type { PresentedHit, SearchLabels, ServiceZone } from './present';
export { readOfferMessage, type OfferReading } from './understand';
export { LoadProblemSchema, type LoadProblem } from './records';
export type { OfferService } from './service';
export { KINDS, AUDIENCES, type KindId, type AudienceId } from './vocabulary';
export { PARIS } from './parisTime';
