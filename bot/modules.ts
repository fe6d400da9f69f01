// Every part of the server, in the order it is registered. One line per module.
import { registerStaffApi } from '../dashboard/api/staff-api';
import { registerWaitlistApi } from '../dashboard/api/waitlist-api';
import { registerDashboard } from '../dashboard/module';
import { registerChannels } from './channels';
import { registerFirstDesign } from './compat/first-design';
import { registerSecondDesign } from './compat/second-design';
import type { AppModule } from './context';
import { registerOpenApi } from './openapi';
import { registerNotifications } from './outbox/module';
import { registerPublicApi } from './public-api';

export const MODULES: AppModule[] = [
  registerFirstDesign,
  registerSecondDesign,
  registerPublicApi,
  registerStaffApi,
  registerWaitlistApi,
  registerDashboard,
  registerNotifications,
  registerChannels,
  registerOpenApi,
];
