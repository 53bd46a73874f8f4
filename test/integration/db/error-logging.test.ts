import { describeError } from '../../../src/core/describe-error';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

/** Issue 9 item 12: database errors are logged by kind and ids, never the values they quote. */
describe.each(databaseKinds)('logging database errors on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db.destroy());

  const caught = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };

  it('withholds the values of a validation error', async () => {
    const error = await caught(() =>
      db.prisma.person.create({
        data: { trustId: 'no-such-trust', name: 'Secret Name', email: 'secret@oak.sch.uk', tags: 42 as unknown as string[] },
      }),
    );
    expect(String((error as Error).message)).toContain('secret@oak.sch.uk'); // what used to be logged
    const logged = describeError(error);
    expect(logged).toContain('PrismaClientValidationError');
    expect(logged).not.toContain('secret@oak.sch.uk');
    expect(logged).not.toContain('Secret Name');
  });

  it('keeps the code and model of a request error, without its values', async () => {
    const trust = await db.prisma.trust.create({ data: { name: 'Log Trust' } });
    const error = await caught(() => db.prisma.trust.create({ data: { name: 'log trust' } }));
    const logged = describeError(error);
    expect(logged).not.toContain('log trust');
    expect(logged).toMatch(/code=P2002|code=23505|UniqueConstraintViolation/);
    await db.prisma.trust.delete({ where: { id: trust.id } });
  });

  it('keeps our own errors whole', () => {
    expect(describeError(new Error('trust id does not match the write'))).toContain('trust id does not match the write');
    expect(describeError('plain')).toBe('plain');
  });
});
