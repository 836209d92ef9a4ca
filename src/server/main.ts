import { buildApp } from './app.js';
import { boot } from './boot.js';
import { loadConfig } from './config.js';
import { adminExists } from './auth/users.store.js';

/** How long requests under way get to finish after SIGTERM or SIGINT (below systemd's 90 s and Docker's 10 s). */
const SHUTDOWN_LIMIT_MS = 8_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await boot(config);
  const { app } = await buildApp(deps);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // npm forwards the signal that a terminal or systemd also sends node directly: one is enough.
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing the requests under way, then stopping.`);
    setTimeout(() => {
      app.log.error(
        `Requests were still under way ${SHUTDOWN_LIMIT_MS / 1000} s after ${signal}; stopping anyway.`,
      );
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    void (async () => {
      await app.close();
      await deps.database.close();
      app.log.info('Stopped.');
      process.exit(0);
    })().catch((error: unknown) => {
      app.log.error(error, 'Stopping failed.');
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
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
