// On a phone the list tables show each row as a card (see responsive.css); each cell then
// carries its column's heading, copied here from the table head so the pages need not repeat it.
function label(table: HTMLTableElement): void {
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      const text = heads[i] ?? '';
      if (cell.getAttribute('data-label') !== text) cell.setAttribute('data-label', text);
    });
  }
}

/** Keeps the cells of every `table.list` under `root` labelled while the pages redraw. */
export function watchCardTables(root: HTMLElement): () => void {
  const run = () => {
    for (const t of root.querySelectorAll<HTMLTableElement>('table.list')) label(t);
  };
  run();
  const observer = new MutationObserver(run);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
