import type { Restaurant, Service, Table } from './model';

export const DEMO_RESTAURANT_ID = 'le-petit-bistro';

const lunch: Service = { name: 'lunch', open: '12:00', close: '14:30', lastSeatingMinutes: 60 };
const dinner: Service = { name: 'dinner', open: '19:00', close: '23:00', lastSeatingMinutes: 60 };
const everyDay = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [String(d), [lunch, dinner]]));

/** "Le Petit Bistro", the demo restaurant, seeded into an empty store. */
export function demoRestaurant(): Restaurant {
  return {
    id: DEMO_RESTAURANT_ID,
    name: 'Le Petit Bistro',
    timezone: 'Europe/Paris',
    languages: ['fr', 'en'],
    defaultLanguage: 'fr',
    address: '12 rue des Martyrs, 75009 Paris',
    phone: '+33100000000',
    email: 'contact@lepetitbistro.example',
    services: structuredClone(everyDay),
    closures: [],
    rules: {
      slotStepMinutes: 15,
      turnTimes: [
        { maxParty: 4, minutes: 90 },
        { maxParty: null, minutes: 120 },
      ],
      bufferMinutes: 0,
      minNoticeMinutes: 30,
      horizonDays: 60,
      maxPartySize: 8,
      maxCoversPerSlot: null,
      holdMinutes: 5,
    },
    tableCombinations: [{ tableIds: ['T3', 'T4'], seatsMin: 5, seatsMax: 8 }],
    menu: [
      {
        title: { fr: 'Entrées', en: 'Starters' },
        dishes: [
          {
            name: { fr: 'Soupe à l’oignon gratinée', en: 'French onion soup' },
            price: 9,
            allergens: ['gluten', 'milk'],
          },
          {
            name: { fr: 'Œufs mayonnaise', en: 'Eggs mayonnaise' },
            price: 7,
            allergens: ['eggs', 'mustard'],
            diets: ['vegetarian', 'gluten-free'],
          },
          {
            name: { fr: 'Velouté de potimarron', en: 'Red kuri squash soup' },
            price: 8,
            allergens: ['celery'],
            diets: ['vegetarian', 'vegan', 'gluten-free'],
          },
        ],
      },
      {
        title: { fr: 'Plats', en: 'Mains' },
        dishes: [
          { name: { fr: 'Bœuf bourguignon', en: 'Beef bourguignon' }, price: 22, allergens: ['celery', 'sulphites'] },
          {
            name: { fr: 'Confit de canard, pommes sarladaises', en: 'Duck confit with sautéed potatoes' },
            price: 24,
            diets: ['gluten-free'],
          },
          {
            name: { fr: 'Risotto aux champignons', en: 'Mushroom risotto' },
            price: 18,
            allergens: ['milk'],
            diets: ['vegetarian', 'gluten-free'],
          },
        ],
      },
      {
        title: { fr: 'Desserts', en: 'Desserts' },
        dishes: [
          {
            name: { fr: 'Crème brûlée', en: 'Crème brûlée' },
            price: 8,
            allergens: ['eggs', 'milk'],
            diets: ['vegetarian', 'gluten-free'],
          },
          {
            name: { fr: 'Tarte Tatin', en: 'Tarte Tatin' },
            price: 9,
            allergens: ['gluten', 'milk', 'eggs'],
            diets: ['vegetarian'],
          },
          {
            name: { fr: 'Moelleux au chocolat et noisettes', en: 'Chocolate and hazelnut cake' },
            price: 9,
            allergens: ['gluten', 'milk', 'eggs', 'nuts'],
            diets: ['vegetarian'],
          },
        ],
      },
    ],
    reminders: { dayBeforeAt: '10:00', minutesBefore: [120] },
  };
}

export function demoTables(restaurantId = DEMO_RESTAURANT_ID): Table[] {
  const t = (id: string, seatsMin: number, seatsMax: number, zone: string): Table => ({
    id,
    restaurantId,
    name: id,
    seatsMin,
    seatsMax,
    zone,
    active: true,
  });
  return [
    t('T1', 1, 2, 'window'),
    t('T2', 1, 2, 'window'),
    t('T3', 1, 4, 'main'),
    t('T4', 1, 4, 'main'),
    t('T5', 1, 4, 'main'),
    t('T6', 1, 4, 'main'),
    t('T7', 3, 6, 'back'),
    t('T8', 3, 6, 'back'),
  ];
}
