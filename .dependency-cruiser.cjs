// The architecture as rules: which folder may import which. `npm run lint` (part of `npm test`)
// fails on any import these forbid. docs/architecture.md explains the layers.
const FOLDERS = ['booking-core', 'dialogs', 'adapters', 'bot', 'dashboard', 'desktop'];
const others = (...allowed) => `^(${FOLDERS.filter((f) => !allowed.includes(f)).join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'core-stands-alone',
      comment: 'booking-core/ is the domain: it imports no other folder of the product.',
      severity: 'error',
      from: { path: '^booking-core/' },
      to: { path: others('booking-core') },
    },
    {
      name: 'dialogs-only-core',
      comment: 'dialogs/ talk to the booking core and nothing else (no channel, no server).',
      severity: 'error',
      from: { path: '^dialogs/' },
      to: { path: others('dialogs', 'booking-core') },
    },
    {
      name: 'adapters-stand-alone',
      comment: 'adapters/ translate a channel to Activities: they import no other folder.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: others('adapters') },
    },
    {
      name: 'dashboard-only-core',
      comment: 'dashboard/ uses the booking core and its own code; bot/ passes in what it needs.',
      severity: 'error',
      from: { path: '^dashboard/' },
      to: { path: others('dashboard', 'booking-core') },
    },
    {
      name: 'desktop-stands-alone',
      comment: 'desktop/ speaks to the server over HTTP and the socket only.',
      severity: 'error',
      from: { path: '^desktop/' },
      to: { path: others('desktop') },
    },
    {
      name: 'no-botbuilder-in-core-or-dashboard',
      comment: 'botbuilder is archived upstream: it stays in dialogs/, adapters/ and bot/.',
      severity: 'error',
      from: { path: '^(booking-core|dashboard)/' },
      to: { path: 'node_modules/(botbuilder|botframework)' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycle, within a folder or between folders.',
      severity: 'error',
      from: { path: `^(${FOLDERS.join('|')})/` },
      to: { circular: true },
    },
    {
      name: 'product-does-not-import-tests',
      severity: 'error',
      from: { path: `^(${FOLDERS.join('|')})/` },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
