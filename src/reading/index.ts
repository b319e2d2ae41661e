/** One turn, read once (docs/decisions/0006). */
export { readTurn, type Readers, type TurnInput } from './readTurn';
export type { SharedPosition, TurnReading } from './turnReading';
