import { InFlight } from '../../../src/ops/in-flight';

describe('InFlight', () => {
  it('is idle at once with nothing running, and after work that failed', async () => {
    const inFlight = new InFlight();
    await inFlight.idle();
    await expect(inFlight.track(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await inFlight.idle();
  });

  it('waits for work under way, including work started while it waits', async () => {
    const inFlight = new InFlight();
    const order: string[] = [];
    const later = (ms: number, name: string) => new Promise<void>((resolve) => setTimeout(() => (order.push(name), resolve()), ms));
    void inFlight.track(later(20, 'first').then(() => void inFlight.track(later(20, 'second'))));
    await inFlight.idle();
    order.push('idle');
    expect(order).toEqual(['first', 'second', 'idle']);
  });
});
