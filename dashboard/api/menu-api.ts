// Menu editing (admin). GET /api/menu (public, served by the public API) and the bot's menu
// answers read restaurant.menu, so saving here changes what guests are told.
import { z } from 'zod';
import { ALLERGENS, DIETS, type MenuSection, type Restaurant } from '../../booking-core';
import type { DashboardContext } from '../context';

const bilingual = (max: number) =>
  z.object({ fr: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict();
const optionalBilingual = z.object({ fr: z.string().trim().max(400), en: z.string().trim().max(400) }).strict();

const dish = z
  .object({
    name: bilingual(120),
    description: optionalBilingual.optional(),
    price: z
      .number()
      .min(0)
      .max(10_000)
      .refine((n) => Math.round(n * 100) === n * 100, 'must have at most 2 decimals'),
    allergens: z.array(z.enum(ALLERGENS)).max(14).optional(),
    diets: z.array(z.enum(DIETS)).max(3).optional(),
  })
  .strict();

export const menuBody = z
  .object({
    sections: z.array(z.object({ title: bilingual(80), dishes: z.array(dish).max(100) }).strict()).max(30),
  })
  .strict();

export function registerMenuApi(ctx: DashboardContext): void {
  const { server, store, bookings, auth, log } = ctx;
  const { route, parseBody } = ctx.http;
  const staff = auth.require();
  const admin = auth.require('admin');

  server.get(
    '/api/admin/menu',
    staff,
    route(async (_req, res) => {
      const r = await bookings.restaurant();
      res.json({ sections: r.menu, allergens: ALLERGENS, diets: DIETS });
    }, log),
  );

  server.put(
    '/api/admin/menu',
    admin,
    route(async (req, res) => {
      const body = parseBody(req, menuBody);
      const current = await bookings.restaurant();
      // Empty descriptions are dropped so guests are never read an empty line.
      const sections: MenuSection[] = body.sections.map((s) => ({
        title: s.title,
        dishes: s.dishes.map((d) => ({
          name: d.name,
          price: d.price,
          ...(d.description && (d.description.fr || d.description.en) ? { description: d.description } : {}),
          ...(d.allergens?.length ? { allergens: [...new Set(d.allergens)] } : {}),
          ...(d.diets?.length ? { diets: [...new Set(d.diets)] } : {}),
        })),
      }));
      const next: Restaurant = { ...current, menu: sections };
      await store.saveRestaurant(next);
      res.json({ sections });
    }, log),
  );
}
