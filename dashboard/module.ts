// The dashboard's part of the server: live feed, staff users, menu, insights, conversations,
// callers to ring back and the single-page app's files. One module for bot/modules.ts.
import type { DashboardContext } from './context';
import { registerCallbacksApi } from './api/callbacks-api';
import { registerConversationsApi } from './api/conversations-api';
import { registerGuestMessagingApi } from './api/guest-messaging-api';
import { registerInsightsApi } from './api/insights-api';
import { registerMenuApi } from './api/menu-api';
import { registerDashboardFiles } from './api/static-files';
import { registerUsersApi } from './api/users-api';
import { attachLiveFeed } from './live';

export function registerDashboard(ctx: DashboardContext): void {
  const live = attachLiveFeed(ctx.httpServer, ctx.feed, ctx.auth, ctx.log, ctx.liveEventAliases);
  ctx.onClose(() => live.close());
  registerUsersApi(ctx, { onSessionsRevoked: (id) => live.disconnectUser(id) });
  registerMenuApi(ctx);
  registerInsightsApi(ctx);
  registerConversationsApi(ctx);
  registerGuestMessagingApi(ctx);
  registerCallbacksApi(ctx);
  registerDashboardFiles(ctx);
}
