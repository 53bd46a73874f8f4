import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRegistry } from '../../../src/flows/index';
import { permissionMarkdown } from '../../../src/flows/permission-table';

const path = join(__dirname, '../../../docs/permissions.md');

describe('docs/permissions.md', () => {
  it('matches the command registry (regenerate with UPDATE_DOCS=1)', () => {
    const generated = permissionMarkdown(buildRegistry());
    if (process.env.UPDATE_DOCS) writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});
