import type { CheckinDeps } from '../../src/flows/checkin/deps';

/** For flow unit tests that do not touch check-ins: any use fails loudly. */
export function unusedCheckin(): CheckinDeps {
  const fail = () => {
    throw new Error('check-in services are not set up in this test (use the HTTP harness)');
  };
  return { repo: new Proxy({}, { get: () => fail }) as CheckinDeps['repo'], calendar: fail };
}
