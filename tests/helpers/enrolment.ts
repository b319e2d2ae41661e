import { hashEnrolmentCode, newEnrolmentCode } from '../../src/reports/enrolmentCodes';
import type { Centre } from '../../src/reports/model';
import type { Store } from '../../src/storage';
import { TISSERANDS } from './reportFixtures';


/** A one-time code for a centre, stored as `npm run admin -- invite` stores one (its hash), valid an hour. */
export async function inviteCode(store: Pick<Store, 'enrolments'>, centre: Centre = TISSERANDS): Promise<string> {
  const code = newEnrolmentCode();
  await store.enrolments.createInvite({ codeHash: hashEnrolmentCode(code), centre, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) });
  return code;
}
