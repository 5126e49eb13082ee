/**
 * The layer rules of src/ (README "Architecture"), checked by `npm run deps:check` and by
 * test/unit/infra/dependency-rules.test.ts (so `npm test` and CI fail on a violation).
 *
 *   domain        pure: imports only domain (no npm package, no Node module: no I/O)
 *   presentation  pure: card references and presenters over the domain; imports only domain
 *   i18n          the words in each language (keyed by domain values); imports only domain
 *   services      use cases over the domain's ports: domain and presentation only (no SDK)
 *   storage       the only code importing @azure/data-tables, @azure/storage-blob (and @azure/identity for
 *                 their credentials); implements the domain's ports; may read the configuration's types
 *                 and pure parsers (src/config); never imports services, teams, http
 *   teams         the only code importing botbuilder, botframework-* and @microsoft/teams-ai;
 *                 anything of ours but storage and http (the composition root hands it the adapters)
 *   http          the only code importing restify; never storage, services, teams
 *   start-*.ts, index.ts, cli/   composition roots: wire everything; nothing imports them but each other
 *
 * And no circular dependency anywhere in src/ (type-only imports count too).
 */

/** npm packages the domain may import: tiny and pure (no I/O, no globals). None today. */
const DOMAIN_PACKAGES = [];

/** Where npm packages resolve to (also from a test's fixture tree, whose node_modules is further up). */
const pkg = (names) => `(^|/)node_modules/(${names})/`;

const LAYERS = ['domain', 'presentation', 'i18n', 'services', 'storage', 'teams', 'http'];

/** `layer` may import only `allowed` of our folders (and itself). */
function onlyImports(layer, allowed, comment) {
  const ours = `^src/(?!(${[layer, ...allowed].join('|')})/)`;
  return { name: `${layer}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`, severity: 'error', comment, from: { path: `^src/${layer}/` }, to: { path: ours } };
}

/** Only `owners` may import these packages. */
function onlyOwnersImport(name, owners, packages, comment) {
  return {
    name,
    severity: 'error',
    comment,
    from: { path: '^src/', pathNot: `^src/(${owners.join('|')})/` },
    to: { path: pkg(packages) },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes a layer (or two modules) impossible to understand, test or move alone.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    onlyImports('domain', [], 'The domain is pure and knows nothing of the layers above it: ports and their errors live in it.'),
    {
      name: 'domain-imports-no-package',
      severity: 'error',
      comment: 'The domain does no I/O: no npm package (but the tiny pure ones in DOMAIN_PACKAGES) and no Node module.',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown', 'core', 'unknown'],
        ...(DOMAIN_PACKAGES.length > 0 ? { pathNot: pkg(DOMAIN_PACKAGES.join('|')) } : {}),
      },
    },
    onlyImports('presentation', ['domain'], 'Presentation is pure: card references and presenters over domain types (used by services and teams).'),
    onlyImports('i18n', ['domain'], 'The words in each language: resources (keyed by domain values), imported by the layers that show text.'),
    onlyImports('services', ['domain', 'presentation'], 'Use cases over the domain ports: never storage, teams, http (the composition root wires adapters in).'),
    onlyImports('storage', ['domain', 'config'], 'Storage implements the domain ports (with the configuration it is given); it never imports services, teams or http (nor botbuilder).'),
    {
      name: 'teams-imports-no-storage-http',
      severity: 'error',
      comment: 'The Teams layer gets storage through domain ports, wired in by the composition root (src/start-*.ts).',
      from: { path: '^src/teams/' },
      to: { path: '^src/(storage|http)/' },
    },
    onlyImports('http', ['config', 'logging'], 'The HTTP server hands requests to the bot; it knows no use case and no storage.'),
    onlyOwnersImport('only-storage-imports-azure-tables', ['storage'], '@azure/data-tables|@azure/storage-blob|@azure/identity', 'Azure Storage (and its credentials) stays behind the storage adapters.'),
    onlyOwnersImport('only-teams-imports-bot-sdks', ['teams'], 'botbuilder[^/]*|botframework-[^/]+|@microsoft/teams-ai', 'The Bot Framework SDK and teams-ai stay inside src/teams, so a move to their successor touches one layer.'),
    onlyOwnersImport('only-http-imports-restify', ['http'], 'restify', 'restify (and its advisory) stays inside src/http.'),
    {
      name: 'nothing-imports-the-composition-root',
      severity: 'error',
      comment: 'start-*.ts and index.ts wire the layers together; the layers never reach back into them.',
      from: { path: `^src/(${LAYERS.join('|')}|config|logging|telemetry)/` },
      to: { path: '^src/(start-[^/]+|index)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a type-only import still couples the layers.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
