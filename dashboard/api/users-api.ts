// Staff users (admin only): list, create, disable, reset a password. An admin cannot lock
// the restaurant out: the last active admin can be neither disabled nor made staff. A password
// reset, a role change and a disable end every session the user has (dashboard/auth.ts);
// enabling the account again does not bring those sessions back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BookingError, type User } from '../../booking-core';
import type { DashboardContext } from '../context';
import { currentUser, hashPassword, publicUser } from '../auth';

const password = z.string().min(10, 'must be at least 10 characters').max(200);
const role = z.enum(['admin', 'staff']);

const createBody = z
  .object({
    email: z.email().trim().toLowerCase().max(200),
    name: z.string().trim().min(1).max(80),
    role: role.default('staff'),
    password,
  })
  .strict();

const changeBody = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    role: role.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

const passwordBody = z.object({ password }).strict();

export interface UserEvents {
  /** Called once a user's sessions have ended (disabled, role changed, password reset). */
  onSessionsRevoked?: (userId: string) => void;
}

export function registerUsersApi(ctx: DashboardContext, hooks: UserEvents = {}): void {
  const { server, store, auth, log } = ctx;
  const { route, parseBody } = ctx.http;
  const admin = auth.require('admin');

  const endSessions = async (userId: string) => {
    await auth.endSessions(userId);
    hooks.onSessionsRevoked?.(userId);
  };

  const mustGet = async (id: string): Promise<User> => {
    const user = await store.getUser(id);
    if (!user) throw new BookingError('not_found', `No user ${id}.`);
    return user;
  };

  server.get(
    '/api/admin/users',
    admin,
    route(async (_req, res) => {
      const users = await store.listUsers();
      res.json(users.map(publicUser).sort((a, b) => a.email.localeCompare(b.email)));
    }, log),
  );

  server.post(
    '/api/admin/users',
    admin,
    route(async (req, res) => {
      const body = parseBody(req, createBody);
      if (await store.getUserByEmail(body.email))
        throw new BookingError('conflict', `${body.email} already has an account.`, { field: 'email' });
      const user: User = {
        id: randomUUID(),
        email: body.email,
        name: body.name,
        role: body.role,
        passwordHash: await hashPassword(body.password),
        disabled: false,
        createdAt: new Date().toISOString(),
      };
      await store.saveUser(user);
      res.status(201);
      res.json(publicUser(user));
    }, log),
  );

  server.patch(
    '/api/admin/users/:id',
    admin,
    route(async (req, res) => {
      const body = parseBody(req, changeBody);
      const user = await mustGet(String(req.params.id));
      const me = currentUser(req);
      const losesAdmin = user.role === 'admin' && !user.disabled && (body.disabled === true || body.role === 'staff');
      if (losesAdmin) {
        if (user.id === me.id) throw new BookingError('conflict', 'You cannot disable or demote your own account.');
        const admins = (await store.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
        if (admins.length <= 1)
          throw new BookingError('conflict', 'The last active admin cannot be disabled or demoted.');
      }
      const next: User = {
        ...user,
        name: body.name ?? user.name,
        role: body.role ?? user.role,
        disabled: body.disabled ?? user.disabled,
      };
      await store.saveUser(next);
      if ((next.disabled && !user.disabled) || next.role !== user.role) await endSessions(user.id);
      res.json(publicUser(next));
    }, log),
  );

  server.post(
    '/api/admin/users/:id/password',
    admin,
    route(async (req, res) => {
      const body = parseBody(req, passwordBody);
      const user = await mustGet(String(req.params.id));
      await store.saveUser({ ...user, passwordHash: await hashPassword(body.password) });
      await endSessions(user.id);
      res.json({ ok: true, user: publicUser(user) });
    }, log),
  );
}
