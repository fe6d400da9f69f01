// Staff authentication: bcrypt password hashes, JWT bearer tokens, roles admin and staff.
// Every token carries its user's session version (an expiring record without expiry in the
// store); ending a user's sessions moves the version on, so every token signed before stops
// working at once, on every instance, whatever its expiry says.
import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Request, Response, Next } from 'restify';
import { BookingError, type Role, type Store, type User } from '../booking-core';
import type { HttpKit } from './http-kit';

const BCRYPT_ROUNDS = 10;
/** Record kind holding each user's session version (key: user id; absent: 0). */
const SESSION_VERSION = 'session-version';
/** Tokens last this long unless JWT_TTL says otherwise. */
export const DEFAULT_TOKEN_TTL_SECONDS = 12 * 3600;

export interface StaffClaims {
  sub: string;
  email: string;
  role: Role;
  /** The user's session version when the token was signed. */
  ver: number;
  iat?: number;
  exp?: number;
}

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export const publicUser = (u: User): PublicUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
});

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

export class StaffAuth {
  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly sendError: HttpKit['sendError'],
    private readonly ttlSeconds: number = DEFAULT_TOKEN_TTL_SECONDS,
  ) {}

  async sign(user: User): Promise<string> {
    const claims: StaffClaims = {
      sub: user.id,
      email: user.email,
      role: user.role,
      ver: await this.sessionVersion(user.id),
    };
    return jwt.sign(claims, this.secret, { expiresIn: this.ttlSeconds, algorithm: 'HS256' });
  }

  /**
   * The user behind a token, or null when the token is forged, expired, has no expiry or one
   * further than the configured lifetime, was signed before the user's sessions were ended, or
   * the user is disabled.
   */
  async verify(token: string | undefined | null): Promise<User | null> {
    if (!token) return null;
    let claims: StaffClaims;
    try {
      claims = jwt.verify(token, this.secret, { algorithms: ['HS256'], maxAge: this.ttlSeconds }) as StaffClaims;
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return null;
    if (claims.exp - claims.iat > this.ttlSeconds || typeof claims.ver !== 'number') return null;
    const user = await this.store.getUser(String(claims.sub));
    if (!user || user.disabled) return null;
    return claims.ver === (await this.sessionVersion(user.id)) ? user : null;
  }

  /** Ends every session of a user: the tokens signed so far are refused from now on. */
  async endSessions(userId: string): Promise<void> {
    const next = (await this.sessionVersion(userId)) + 1;
    await this.store.records().put(SESSION_VERSION, userId, next, null);
  }

  private async sessionVersion(userId: string): Promise<number> {
    return (await this.store.records().get<number>(SESSION_VERSION, userId, new Date())) ?? 0;
  }

  async login(email: string, password: string): Promise<{ token: string; user: PublicUser } | null> {
    const user = await this.store.getUserByEmail(email.trim().toLowerCase());
    // Compare against a dummy hash when the user is unknown, so timing does not tell.
    const ok = await bcrypt.compare(
      password,
      user?.passwordHash ?? '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.sT0dFh0wGg2sxyoMGaGQaUqqO9rK',
    );
    if (!user || !ok || user.disabled) return null;
    return { token: await this.sign(user), user: publicUser(user) };
  }

  /** restify handler: a valid staff token (any role, or the one given) or 401/403. */
  require(role?: Role) {
    return (req: Request, res: Response, next: Next): void => {
      const header = String(req.headers.authorization ?? '');
      const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
      this.verify(token).then(
        (user) => {
          if (!user) {
            this.sendError(
              res,
              new BookingError(
                'unauthorized',
                token ? 'The token is invalid or expired.' : 'Log in first (Authorization: Bearer <token>).',
              ),
            );
            return next(false);
          }
          if (role === 'admin' && user.role !== 'admin') {
            this.sendError(res, new BookingError('forbidden', 'Only an admin can do that.'));
            return next(false);
          }
          (req as Request & { user?: User }).user = user;
          next();
        },
        (err: unknown) => {
          this.sendError(res, err);
          next(false);
        },
      );
    };
  }

  /**
   * The first admin: from ADMIN_EMAIL / ADMIN_PASSWORD when the store has no user; in
   * development without them, one is made with a random password, shown once.
   */
  async ensureFirstAdmin(
    admin: { email: string; password: string } | null,
    production: boolean,
  ): Promise<{ email: string; password: string | null; created: boolean }> {
    if ((await this.store.countUsers()) > 0) {
      const first = (await this.store.listUsers()).find((u) => u.role === 'admin' && !u.disabled);
      if (admin) {
        const existing = await this.store.getUserByEmail(admin.email);
        if (existing) return { email: existing.email, password: null, created: false };
      }
      return { email: first?.email ?? '(no active admin)', password: null, created: false };
    }
    if (!admin && production)
      throw new BookingError(
        'unavailable_service',
        'ADMIN_EMAIL and ADMIN_PASSWORD are required to create the first admin',
      );
    const chosen = admin ?? { email: 'admin@maitre.local', password: randomBytes(9).toString('base64url') };
    try {
      await this.store.saveUser({
        id: randomUUID(),
        email: chosen.email,
        name: 'Admin',
        role: 'admin',
        passwordHash: await hashPassword(chosen.password),
        disabled: false,
        createdAt: new Date().toISOString(),
      });
    } catch (err) {
      // Another instance starting on the same empty database made the first admin first.
      const made = await this.store.getUserByEmail(chosen.email);
      if (!made) throw err;
      return { email: made.email, password: null, created: false };
    }
    return { email: chosen.email, password: admin ? null : chosen.password, created: true };
  }
}

export function currentUser(req: Request): User {
  const user = (req as Request & { user?: User }).user;
  if (!user) throw new BookingError('unauthorized');
  return user;
}
