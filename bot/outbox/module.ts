// The notifications module of the server: messages queued on every booking event, sent by
// the outbox worker, reminders on the clock, and the staff routes.
import type { AppContext } from '../context';
import { registerNotificationRoutes } from './routes';
import { createNotifications } from './service';

export function registerNotifications(ctx: AppContext): void {
  const n = createNotifications({
    store: ctx.store,
    restaurantId: ctx.restaurantId,
    events: ctx.events,
    clock: ctx.clock,
    config: ctx.config,
    log: ctx.log,
  });
  registerNotificationRoutes(ctx, n);
  n.start();
  ctx.log(`[outbox] ${n.describe()}`);
  ctx.onClose(() => n.close());
}
