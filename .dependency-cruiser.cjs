// The import rules of the IKZ-Assistent (`npm run lint:imports`). See docs/architecture.md, "Layers".
//
// Layers, top to bottom. A module may import its own layer (without a cycle) and any layer below it,
// never a layer above it.
const LAYERS = [
  {
    name: 'top',
    path: '^(src/server\\.ts|src/main\\.ts|src/cli/|src/evaluation/|bench/)',
    what: 'wiring, process, terminal tools, evaluation, benchmark',
  },
  { name: 'http', path: '^src/http/', what: 'restify routes and edge checks' },
  { name: 'channels', path: '^src/channels/', what: 'transports (self-hosted Direct Line)' },
  { name: 'bot', path: '^src/bot/', what: 'the turn: IkzBot, replies, the Teams decorator' },
  { name: 'dialogs', path: '^dialogs/', what: 'guided dialogs' },
  { name: 'handoff-analytics', path: '^src/(handoff|analytics)/', what: 'cases and advisors; analytics and the report' },
  { name: 'understanding', path: '^src/understanding/', what: 'reading a message' },
  { name: 'knowledge', path: '^src/knowledge/', what: 'articles, index, answer decision' },
  { name: 'language', path: '^src/language/', what: 'the German analyser (folding, stemming, compounds, synonyms)' },
  { name: 'funding', path: '^src/funding/', what: 'programme rules (pure)' },
  { name: 'storage', path: '^src/storage/', what: 'state and documents' },
  { name: 'config', path: '^src/config/', what: 'environment schema and setting parsers' },
  { name: 'shared', path: '^src/(shared|logging)/', what: 'cards, user-text safety, project root, logger' },
];

/** One rule per layer: nothing in it may import a layer above it. */
const layerRules = LAYERS.slice(1).map((layer, index) => ({
  name: `no-upward-import-from-${layer.name}`,
  comment: `${layer.name} (${layer.what}) may import only itself and the layers below it.`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(0, index + 1).map((above) => above.path) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood, tested or moved alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code (entry points and type declarations excepted).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['^src/main\\.ts$', '^src/cli/[^/]+\\.ts$', '^bench/run-bench\\.ts$', '\\.d\\.ts$', '^bench/load-client\\.cjs$'],
      },
      to: {},
    },
    {
      name: 'no-production-import-of-tests',
      comment: 'Production code never imports the tests or their helpers.',
      severity: 'error',
      from: { path: '^(src|dialogs)/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'A relative import that does not resolve is a typo (packages are checked by tsc).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    skipAnalysisNotInRules: true,
  },
};
