// /webchat/demo: a sample restaurant website carrying the one-line widget tag, as a restaurant
// would paste it into its own site. Nothing on the page knows about the chat but the tag.

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export interface DemoRestaurant {
  name: string;
  address?: string;
  phone?: string;
  /** Sittings per weekday, key "0" (Sunday) … "6", as in the restaurant's settings. */
  services?: Record<string, Array<{ open: string; close: string }>>;
}

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const hhmm = (t: string): string => t.replace(':', 'h');

/** "lundi – dimanche: 12h00 – 14h30, 19h00 – 23h00", days with the same hours grouped. */
function hoursRows(services: DemoRestaurant['services']): Array<[string, string]> {
  if (!services) return [];
  const order = [1, 2, 3, 4, 5, 6, 0];
  const rows: Array<[number[], string]> = [];
  for (const d of order) {
    const list = services[String(d)] ?? [];
    const text = list.length ? list.map((x) => `${hhmm(x.open)} – ${hhmm(x.close)}`).join(', ') : 'fermé';
    const last = rows[rows.length - 1];
    if (last && last[1] === text) last[0].push(d);
    else rows.push([[d], text]);
  }
  return rows.map(([days, text]) => [
    days.length > 1 ? `${DAYS[days[0]]} – ${DAYS[days[days.length - 1]]}` : DAYS[days[0]],
    text,
  ]);
}

export function demoPage(restaurant: DemoRestaurant, publicBaseUrl: string): string {
  const name = escapeHtml(restaurant.name);
  const tag = `<script src="${escapeHtml(publicBaseUrl.replace(/\/+$/, ''))}/webchat/widget.js" async></script>`;
  const phoneLine = restaurant.phone ? `<br>Téléphone : ${escapeHtml(restaurant.phone)}` : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} — Bistrot parisien</title>
<style>
  body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #2b2118; background: #fbf7f0; }
  header { background: #5a1e1b; color: #fbf7f0; padding: 3rem 1.5rem 2.5rem; text-align: center; }
  header h1 { margin: 0; font-size: 2.6rem; letter-spacing: .04em; }
  header p { margin: .5rem 0 0; font-style: italic; opacity: .9; }
  main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem 6rem; line-height: 1.6; }
  h2 { color: #5a1e1b; border-bottom: 1px solid #e4d8c6; padding-bottom: .3rem; }
  .hours { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1.5rem; }
  code { background: #efe6d8; padding: .15rem .35rem; border-radius: 4px; font-size: .85rem; word-break: break-all; }
  footer { text-align: center; font-size: .85rem; color: #7a6a58; padding: 1rem; }
</style>
</head>
<body>
<header>
  <h1>${name}</h1>
  <p>Cuisine de bistrot, produits du marché</p>
</header>
<main>
  <h2>Bienvenue</h2>
  <p>Une cuisine de saison, des vins de petits producteurs et une salle chaleureuse au cœur de Paris.
  Réservez votre table en quelques mots : cliquez sur la bulle en bas à droite et écrivez, par exemple,
  « une table pour 2 demain à 20h ».</p>
  <h2>Horaires</h2>
  <div class="hours">${hoursRows(restaurant.services)
    .map(([days, text]) => `<span>${escapeHtml(days)}</span><span>${escapeHtml(text)}</span>`)
    .join('')}</div>
  <h2>Nous trouver</h2>
  <p>${escapeHtml(restaurant.address ?? '')}${phoneLine}</p>
  <h2>Pour les développeurs</h2>
  <p>Cette page de démonstration contient seulement la balise du widget :<br><code>${escapeHtml(tag)}</code></p>
</main>
<footer>${name} — page de démonstration de Maître</footer>
${tag}
</body>
</html>
`;
}
