/** The resident every "ours" measurement answers: a saved address at the demo council. */
import type { ResidentProfile } from '../../src/core/profile';

export const BENCH_USER_ID = 'amzn1.ask.account.AMAXEXAMPLE7QJ5ZP3KXW2HMTVB4N6RLYC8DSUGFE';

export const BENCH_PROFILE: ResidentProfile = {
  userId: BENCH_USER_ID,
  address: { uprn: '100090000002', label: '2 High Street', postcode: 'AB1 2CD' },
};
