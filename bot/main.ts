// `npm start`: loads the configuration, starts the server, says where to go.
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger, lineLogger, maskLine } from './logger';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ production: config.production, level: process.env.LOG_LEVEL?.trim() || undefined });
  const app = await createApp(config, { log: lineLogger(logger) });
  await app.listen();
  const address = app.ctx.httpServer.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const local = `${config.tls ? 'https' : 'http'}://${host}:${port}`;
  const restaurant = await app.ctx.bookings.restaurant();
  console.log(`Maître is serving "${restaurant.name}" at ${local}`);
  console.log(`  store: ${app.ctx.store.kind === 'mongo' ? 'MongoDB' : `embedded SQLite (${config.dataDir})`}`);
  console.log(`  dashboard: ${local}/   web chat demo: ${local}/webchat/demo   health: ${local}/health`);
  console.log(
    `  Twilio webhooks: ${config.publicBaseUrl}/twilio/voice/incoming and ${config.publicBaseUrl}/twilio/messaging`,
  );
  if (app.admin.passwordFile)
    console.log(
      `  admin login: ${app.admin.email}, password in ${app.admin.passwordFile} (made for this new store, ` +
        'readable by you only; change it in the dashboard, then delete the file)',
    );
  else
    console.log(`  admin login: ${app.admin.email}${app.admin.created ? ' (from ADMIN_EMAIL / ADMIN_PASSWORD)' : ''}`);
  if (config.jwtSecretGenerated)
    console.log('  JWT_SECRET is not set: a random one was made for this run (staff log in again after a restart).');

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`Maître could not start: ${maskLine(err.message)}`);
  process.exit(1);
});
