import { buildApp } from './app.js';
import { boot } from './boot.js';
import { loadConfig } from './config.js';
import { adminExists } from './auth/users.store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await boot(config);
  const { app } = await buildApp(deps);
  const close = async () => {
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
  if (!(await adminExists(deps.database.db))) {
    app.log.info(
      `First run: open ${config.publicOrigin}/setup to create the administrator (or run: steadfast create-admin --email you@example.org).`,
    );
  }
  app.log.info(
    `Steadfast is running at ${config.publicOrigin} (database: ${deps.database.dialect} ${deps.database.location})`,
  );
}

main().catch((error: unknown) => {
  // Start-up problems (configuration, content, master key) are the operator's to fix: say what, plainly.
  console.error(
    `Steadfast could not start.\n${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
