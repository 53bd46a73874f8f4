// Prisma CLI configuration. The CLI runs offline through scripts/prisma.js; with
// `engine: 'js'` it uses its WASM schema engine over a driver adapter instead of a
// downloaded binary. The running bot does not use the CLI: src/db/migrate.ts applies
// prisma/migrations itself at start-up.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url });
    }
    // No database named: an in-memory PGlite is enough for `migrate diff`.
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    return new PrismaPGlite(new PGlite());
  },
});
