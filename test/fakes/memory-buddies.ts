import type { BuddiesDeps } from '../../src/flows/buddies/deps';

/** Buddy services for unit tests that never reach buddying: any use fails loudly. */
export function unusedBuddies(): BuddiesDeps {
  const fail = () => {
    throw new Error('buddy services are not set up in this test (use the HTTP harness)');
  };
  return { repo: new Proxy({}, { get: () => fail }) as BuddiesDeps['repo'], calendar: fail };
}
